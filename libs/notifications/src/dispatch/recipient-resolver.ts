import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { runSql, type Sql } from '@liaison/data';
import type { Notice } from '../queues/queue-names';
import type { RecipientUser } from './recipient';
import { filerUsersSql, partyUsersSql, taskForceUsersSql } from './recipients.sql';

type Row = RecipientUser & { agency_id?: string; roles?: string[]; request_id?: string };

/**
 * Turns the workflow's recipients (a side and role, the task force, the filer) into users and agencies, for a whole
 * batch of notices in at most three queries (one per kind of recipient), in the caller's transaction.
 */
@Injectable()
export class RecipientResolver {
  /** The users each notice goes to, in the order of `notices`; with `userId`, only that user where they are one. */
  async users(em: EntityManager, notices: Notice[], userId?: string): Promise<RecipientUser[][]> {
    const byKind = (type: Notice['recipient']['type']) => notices.filter((notice) => notice.recipient.type === type);
    const parties = byKind('party');
    const partyRows = await this.select(
      em,
      partyUsersSql,
      parties.map((notice) => this.agency(notice) as string),
      userId,
    );
    const taskForceRows = await this.select(
      em,
      taskForceUsersSql,
      byKind('task_force').map((notice) => notice.requestId),
      userId,
    );
    const filerRows = await this.select(
      em,
      filerUsersSql,
      byKind('filer').map((notice) => notice.requestId),
      userId,
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

  private async select(
    em: EntityManager,
    statement: (ids: string[], userId?: string) => Sql,
    ids: string[],
    userId: string | undefined,
  ): Promise<Row[]> {
    if (ids.length === 0) return [];
    return runSql<Row>(em, statement([...new Set(ids)], userId));
  }
}

function agencyOf(notice: Notice, side: 'requesting' | 'requested'): string {
  return side === 'requesting' ? notice.requestingAgencyId : notice.requestedAgencyId;
}

const user = (row: Row): RecipientUser => ({ id: row.id, email: row.email, language: row.language });
