import { EntityManager } from '@mikro-orm/postgresql';
import { runSql, type Request, type TaskForce } from '@liaison/data';
import type { Handling } from '@liaison/domain';
import { ProblemException } from '@liaison/platform';
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

/** 422: the handling code needs the provider's permission before agencies beyond the two parties see the request. */
export function handlingPermissionRequired(detail: string, extensions: Record<string, unknown>): ProblemException {
  return new ProblemException(422, 'handling-permission-required', detail, {
    ...extensions,
    hint: 'Send "handlingPermissionConfirmed": true once the providing agency has agreed; it is recorded in the trail.',
  });
}
