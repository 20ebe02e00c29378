import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor, HandlingCode, RequestKind, Side } from '@liaison/domain';
import { runSql, type Sql } from '@liaison/data';
import { fieldError, InvalidInputException } from '@liaison/platform';
import type { BoardCardView, BoardView, BoardPartyView } from '../dto/board.view';
import type { BoardQuery } from '../dto/board.query';
import { viewingAgencyIds } from '../task-force-onward-sharing';
import { findVisibleTaskForce } from '../task-force-standing';
import { isWorkflowState, toColumn, toColumns, type ColumnCount, type PagedCard } from './board-columns';
import { decodeBoardCursor, type BoardCursor } from './board-cursor';
import { agenciesSql, boardSql, type BoardScope } from './board.sql';

/** A state's counts over the whole board; beside them one of its cards, or none (null card columns). */
interface BoardRow {
  column_state: string;
  column_count: number;
  column_overdue: number;
  id: string | null;
}

interface CardRow extends BoardRow {
  id: string;
  reference: string;
  kind: RequestKind;
  state: string;
  title: string;
  handling_code: HandlingCode;
  overdue: boolean;
  clock_running: boolean;
  requesting_agency_id: string;
  requested_agency_id: string;
  /** ISO text to the millisecond. */
  created_at: string;
  /** The last activity as ISO text to the microsecond, which the keyset needs. */
  cursor_key: string;
}

type Run = <T extends object>(statement: Sql) => Promise<T[]>;

const DAY_MS = 86_400_000;

/**
 * The board a task force tracks its linked requests on: one column per state with its exact counts and its first
 * cards, or with `state` that column's page after `after` (a keyset); either in one statement, one pass over the
 * linked requests. The cards' agencies are read apart, once: a handful for hundreds of cards (fewer bytes from
 * PostgreSQL and fewer objects in Node than a join on every row).
 */
@Injectable()
export class TaskForceBoardService {
  constructor(private readonly em: EntityManager) {}

  async board(actor: Actor, taskForceId: string, query: BoardQuery): Promise<BoardView> {
    const em = this.em.fork();
    const { taskForce } = await findVisibleTaskForce(em, actor, taskForceId);
    const { agencyId, kind, state, perColumn } = query;
    if (agencyId && !(await viewingAgencyIds(em, taskForce)).includes(agencyId)) {
      throw new InvalidInputException([
        fieldError(['agencyId'], 'agencyId must be an agency of the task force', 'query'),
      ]);
    }
    const after = cursorOf(query);
    const viewer = { agencyId: actor.agencyId, userId: actor.userId };
    const scope: BoardScope = { taskForceId, viewer, agencyId, kind, now: new Date() };
    const run: Run = (statement) => runSql(em, statement);
    // one row past a page says whether another page follows
    const rows = await run<BoardRow>(boardSql(scope, { state, after, rows: perColumn + 1 }));
    const counts = countsOf(rows);
    if (state !== undefined && !isWorkflowState(state) && !counts.some((count) => count.state === state)) {
      throw new InvalidInputException([fieldError(['state'], 'state is no state of the workflows', 'query')]);
    }
    const cardRows = rows.filter((row): row is CardRow => row.id !== null);
    const parties = await partiesOf(run, cardRows);
    const cards = cardRows.map((row): PagedCard => ({
      card: toCard(row, actor.agencyId, scope.now, parties),
      cursorKey: row.cursor_key,
    }));
    return {
      taskForceId,
      agencyId: agencyId ?? null,
      total: counts.reduce((sum, count) => sum + count.count, 0),
      overdue: counts.reduce((sum, count) => sum + count.overdue, 0),
      columns: state === undefined ? toColumns(counts, cards, perColumn) : [toColumn(state, counts, cards, perColumn)],
    };
  }
}

function countsOf(rows: BoardRow[]): ColumnCount[] {
  const counts = new Map<string, ColumnCount>();
  for (const row of rows) {
    if (!counts.has(row.column_state)) {
      counts.set(row.column_state, { state: row.column_state, count: row.column_count, overdue: row.column_overdue });
    }
  }
  return [...counts.values()];
}

async function partiesOf(run: Run, rows: CardRow[]): Promise<Map<string, BoardPartyView>> {
  const ids = [...new Set(rows.flatMap((row) => [row.requesting_agency_id, row.requested_agency_id]))];
  if (ids.length === 0) return new Map();
  return new Map((await run<BoardPartyView>(agenciesSql(ids))).map((agency) => [agency.id, agency]));
}

/** `after` pages the column named by `state`: both, or a 400 naming what is missing or wrong. */
function cursorOf(query: BoardQuery): BoardCursor | undefined {
  if (query.after === undefined) return undefined;
  if (query.state === undefined) {
    throw new InvalidInputException([fieldError(['state'], 'state is required with after', 'query')]);
  }
  return decodeBoardCursor(query.after, query.state);
}

/** The counterpart is seen from the viewer's agency; a third agency's viewer sees both parties instead. */
function toCard(row: CardRow, viewerAgencyId: string, now: Date, parties: Map<string, BoardPartyView>): BoardCardView {
  const requesting = parties.get(row.requesting_agency_id) as BoardPartyView; // a request's agencies always exist
  const requested = parties.get(row.requested_agency_id) as BoardPartyView;
  const viewerSide: Side | null =
    viewerAgencyId === requesting.id ? 'requesting' : viewerAgencyId === requested.id ? 'requested' : null;
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    title: row.title,
    handlingCode: row.handling_code,
    viewerSide,
    counterpart: viewerSide === 'requesting' ? requested : viewerSide === 'requested' ? requesting : null,
    ...(viewerSide ? {} : { parties: { requesting, requested } }),
    ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(row.created_at)) / DAY_MS)),
    createdAt: row.created_at,
    lastActivityAt: `${row.cursor_key.slice(0, 23)}Z`, // to the millisecond, as Date#toISOString writes it
    overdue: row.overdue,
    clockRunning: row.clock_running,
  };
}
