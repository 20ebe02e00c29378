import { EntityManager } from '@mikro-orm/postgresql';
import { runSql, type TaskForce } from '@liaison/data';
import { memberAgenciesSql } from './task-forces.sql';

/** The agencies that see what is linked to a task force: those of its members, and its lead agency (the board). */
export async function viewingAgencyIds(em: EntityManager, taskForce: TaskForce): Promise<string[]> {
  const rows = await runSql<{ agency_id: string }>(em, memberAgenciesSql(taskForce.id));
  return [...new Set([taskForce.leadAgency.id, ...rows.map((row) => row.agency_id)])];
}
