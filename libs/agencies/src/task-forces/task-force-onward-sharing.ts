import { EntityManager } from '@mikro-orm/postgresql';
import { runSql, type Request, type TaskForce } from '@liaison/data';
import type { Handling } from '@liaison/domain';
import { memberAgenciesSql } from './task-forces.sql';

/** The agencies that see what is linked to a task force: those of its members, and its lead agency (the board). */
export async function viewingAgencyIds(em: EntityManager, taskForce: TaskForce): Promise<string[]> {
  const rows = await runSql<{ agency_id: string }>(em, memberAgenciesSql(taskForce.id));
  return [...new Set([taskForce.leadAgency.id, ...rows.map((row) => row.agency_id)])];
}

export function handlingOf(request: Pick<Request, 'handlingCode' | 'handlingRestriction'>): Handling {
  return request.handlingCode === 'H3'
    ? { code: 'H3', restriction: request.handlingRestriction ?? '' }
    : { code: request.handlingCode };
}
