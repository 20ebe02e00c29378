import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Notice } from '../queues/queue-names';
import type { RecipientUser } from './recipient';

/** Ids travel as one comma-separated parameter (uuids hold no comma), whatever their number. */
const PARTIES = `select id, email, language, agency_id, roles from app_user
  where agency_id = any(string_to_array(?, ',')::uuid[]) and active order by id`;
const TASK_FORCES = `select distinct link.request_id, u.id, u.email, u.language from task_force_request link
  join task_force_member member on member.task_force_id = link.task_force_id
  join app_user u on u.id = member.user_id
  where link.request_id = any(string_to_array(?, ',')::uuid[]) and u.active order by u.id`;
const FILERS = `select r.id as request_id, u.id, u.email, u.language from request r join app_user u on u.id = r.created_by_id
  where r.id = any(string_to_array(?, ',')::uuid[]) and u.active`;

type Row = RecipientUser & { agency_id?: string; roles?: string[]; request_id?: string };

/**
 * Turns the workflow's recipients (a side and role, the task force, the filer) into users and agencies, for a whole
 * batch of notices in at most three queries (one per kind of recipient), in the caller's transaction.
 */
@Injectable()
export class RecipientResolver {
  /** The users each notice goes to, in the order of `notices`. */
  async users(em: EntityManager, notices: Notice[]): Promise<RecipientUser[][]> {
    const byKind = (type: Notice['recipient']['type']) => notices.filter((notice) => notice.recipient.type === type);
    const parties = byKind('party');
    const partyRows = await this.select(
      em,
      PARTIES,
      parties.map((notice) => this.agency(notice) as string),
    );
    const taskForceRows = await this.select(
      em,
      TASK_FORCES,
      byKind('task_force').map((notice) => notice.requestId),
    );
    const filerRows = await this.select(
      em,
      FILERS,
      byKind('filer').map((notice) => notice.requestId),
    );
    return notices.map((notice) => {
      const { recipient } = notice;
      if (recipient.type === 'party') {
        const agency = this.agency(notice);
        return partyRows.filter((row) => row.agency_id === agency && row.roles?.includes(recipient.role)).map(user);
      }
      const rows = recipient.type === 'task_force' ? taskForceRows : filerRows;
      return rows.filter((row) => row.request_id === notice.requestId).map(user);
    });
  }

  /** The agency whose partner systems hear of it: task forces are no agency and have no webhooks. */
  agency(notice: Notice): string | null {
    const { recipient } = notice;
    if (recipient.type === 'party') return agencyOf(notice, recipient.side);
    return recipient.type === 'filer' ? notice.requestingAgencyId : null;
  }

  private async select(em: EntityManager, sql: string, ids: string[]): Promise<Row[]> {
    if (ids.length === 0) return [];
    const distinct = [...new Set(ids)].join(',');
    return em.getConnection().execute<Row[]>(sql, [distinct], 'all', em.getTransactionContext());
  }
}

function agencyOf(notice: Notice, side: 'requesting' | 'requested'): string {
  return side === 'requesting' ? notice.requestingAgencyId : notice.requestedAgencyId;
}

const user = (row: Row): RecipientUser => ({ id: row.id, email: row.email, language: row.language });
