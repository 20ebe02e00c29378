import { EntityManager } from '@mikro-orm/postgresql';
import type { Request, TaskForce } from '@liaison/data';
import type { Handling } from '@liaison/domain';

/** The agencies that see what is linked to a task force: those of its members, and its lead agency (the board). */
export async function viewingAgencyIds(em: EntityManager, taskForce: TaskForce): Promise<string[]> {
  const rows = await em.execute<{ agency_id: string }[]>(
    `select distinct u.agency_id
       from task_force_member m join app_user u on u.id = m.user_id
      where m.task_force_id = ?`,
    [taskForce.id],
  );
  return [...new Set([taskForce.leadAgency.id, ...rows.map((row) => row.agency_id)])];
}

export function handlingOf(request: Pick<Request, 'handlingCode' | 'handlingRestriction'>): Handling {
  return request.handlingCode === 'H3'
    ? { code: 'H3', restriction: request.handlingRestriction ?? '' }
    : { code: request.handlingCode };
}
