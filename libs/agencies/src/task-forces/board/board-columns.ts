import { REQUEST_KINDS, workflowOf } from '@liaison/domain';
import type { BoardCardDto, BoardColumnDto } from '../dto/board.dto';

/** Every state of the three workflows, in the order the workflows define them (a draft's column comes first). */
const STATE_ORDER: ReadonlyMap<string, number> = new Map(
  [...new Set(REQUEST_KINDS.flatMap((kind) => Object.keys(workflowOf(kind).states)))].map((state, index) => [
    state,
    index,
  ]),
);

/** Cards come in board order (most recent activity first); columns in workflow order, unknown states last. */
export function toColumns(cards: BoardCardDto[]): BoardColumnDto[] {
  const columns = new Map<string, BoardCardDto[]>();
  for (const card of cards) columns.set(card.state, [...(columns.get(card.state) ?? []), card]);
  return [...columns.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([state, stateCards]) => ({ state, cards: stateCards }));
}

function rank(state: string): number {
  return STATE_ORDER.get(state) ?? Number.MAX_SAFE_INTEGER;
}
