import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor, HandlingCode, RequestKind, Side } from '@liaison/domain';
import { fieldError, InvalidInputException } from '@liaison/platform';
import type { BoardCardDto, BoardDto, BoardPartyDto } from '../dto/board.dto';
import { viewingAgencyIds } from '../onward-sharing';
import { findVisibleTaskForce } from '../task-force-standing';
import { toColumns } from './board-columns';

interface BoardRow {
  id: string;
  reference: string;
  kind: RequestKind;
  state: string;
  handling_code: HandlingCode;
  created_at: Date;
  last_activity_at: Date;
  overdue: boolean;
  requesting_id: string;
  requesting_name: string;
  requesting_country: string;
  requested_id: string;
  requested_name: string;
  requested_country: string;
}

const DAY_MS = 86_400_000;

/**
 * One query over the task force's links (unique on task force + request, so an index scan) with both agencies.
 * Overdue: marked by the deadline worker, or a running clock already past due (the worker may not have fired yet).
 */
const BOARD_QUERY = `
  select r.id, r.reference, r.kind, r.state, r.handling_code, r.created_at, r.last_activity_at,
         (r.overdue or exists (
            select 1 from jsonb_array_elements(r.timers) as timer
             where timer ->> 'status' = 'running' and (timer ->> 'dueAt')::timestamptz < ?::timestamptz
         )) as overdue,
         ra.id as requesting_id, ra.name as requesting_name, ra.country as requesting_country,
         qa.id as requested_id, qa.name as requested_name, qa.country as requested_country
    from task_force_request l
    join request r on r.id = l.request_id
    join agency ra on ra.id = r.requesting_agency_id
    join agency qa on qa.id = r.requested_agency_id
   where l.task_force_id = ?`;

/** The board a task force tracks its linked requests on: one column per state. */
@Injectable()
export class TaskForceBoardService {
  constructor(private readonly em: EntityManager) {}

  async board(actor: Actor, taskForceId: string, agencyId?: string): Promise<BoardDto> {
    const em = this.em.fork();
    const { taskForce } = await findVisibleTaskForce(em, actor, taskForceId);
    if (agencyId && !(await viewingAgencyIds(em, taskForce)).includes(agencyId)) {
      throw new InvalidInputException([
        fieldError(['agencyId'], 'agencyId must be an agency of the task force', 'query'),
      ]);
    }
    const now = new Date();
    const filter = agencyId ? ' and ? in (r.requesting_agency_id, r.requested_agency_id)' : '';
    const rows = await em.execute<BoardRow[]>(`${BOARD_QUERY}${filter} order by r.last_activity_at desc, r.id desc`, [
      now.toISOString(),
      taskForceId,
      ...(agencyId ? [agencyId] : []),
    ]);
    const cards = rows.map((row) => toCard(row, actor.agencyId, now));
    return {
      taskForceId,
      agencyId: agencyId ?? null,
      total: cards.length,
      overdue: cards.filter((card) => card.overdue).length,
      columns: toColumns(cards),
    };
  }
}

/** The counterpart is seen from the viewer's agency; a third agency's viewer sees both parties instead. */
function toCard(row: BoardRow, viewerAgencyId: string, now: Date): BoardCardDto {
  const requesting: BoardPartyDto = {
    id: row.requesting_id,
    name: row.requesting_name,
    country: row.requesting_country,
  };
  const requested: BoardPartyDto = { id: row.requested_id, name: row.requested_name, country: row.requested_country };
  const viewerSide: Side | null =
    viewerAgencyId === requesting.id ? 'requesting' : viewerAgencyId === requested.id ? 'requested' : null;
  const createdAt = new Date(row.created_at);
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    handlingCode: row.handling_code,
    viewerSide,
    counterpart: viewerSide === 'requesting' ? requested : viewerSide === 'requested' ? requesting : null,
    ...(viewerSide ? {} : { parties: { requesting, requested } }),
    ageDays: Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / DAY_MS)),
    createdAt: createdAt.toISOString(),
    lastActivityAt: new Date(row.last_activity_at).toISOString(),
    overdue: row.overdue,
  };
}
