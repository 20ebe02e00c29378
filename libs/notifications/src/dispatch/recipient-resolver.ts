import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Notice } from '../queues/queue-names';
import type { RecipientUser } from './recipient';

const PARTY = `select id, email, language from app_user where agency_id = ? and active and ? = any(roles) order by id`;
const TASK_FORCE = `select distinct u.id, u.email, u.language from task_force_request link
  join task_force_member member on member.task_force_id = link.task_force_id
  join app_user u on u.id = member.user_id
  where link.request_id = ? and u.active order by u.id`;
const FILER = `select u.id, u.email, u.language from request r join app_user u on u.id = r.created_by_id
  where r.id = ? and u.active`;

/** Turns the workflow's recipient (a side and role, the task force, the filer) into users and agencies. */
@Injectable()
export class RecipientResolver {
  constructor(private readonly em: EntityManager) {}

  async users(notice: Notice): Promise<RecipientUser[]> {
    const connection = this.em.getConnection();
    const { recipient } = notice;
    if (recipient.type === 'party') {
      return connection.execute<RecipientUser[]>(PARTY, [agencyOf(notice, recipient.side), recipient.role]);
    }
    if (recipient.type === 'task_force') return connection.execute<RecipientUser[]>(TASK_FORCE, [notice.requestId]);
    return connection.execute<RecipientUser[]>(FILER, [notice.requestId]);
  }

  /** The agency whose partner systems hear of it: task forces are no agency and have no webhooks. */
  agency(notice: Notice): string | null {
    const { recipient } = notice;
    if (recipient.type === 'party') return agencyOf(notice, recipient.side);
    return recipient.type === 'filer' ? notice.requestingAgencyId : null;
  }
}

function agencyOf(notice: Notice, side: 'requesting' | 'requested'): string {
  return side === 'requesting' ? notice.requestingAgencyId : notice.requestedAgencyId;
}
