import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql, type StoredTimer } from '@liaison/data';
import type { RequestKind } from '@liaison/domain';
import { requestClockSql } from './deadlines.sql';

/** What the deadline code reads of a request: read as plain data, never as a managed entity it could write back. */
export interface RequestClock {
  id: string;
  reference: string;
  kind: RequestKind;
  legalBasis: string;
  state: string;
  version: number;
  timers: StoredTimer[];
  requestingAgencyId: string;
  requestedAgencyId: string;
}

export async function loadRequestClock(em: EntityManager, id: string): Promise<RequestClock | null> {
  const [row] = await runSql<Record<string, never>>(em, requestClockSql(id));
  if (!row) return null;
  return {
    id: row['id'],
    reference: row['reference'],
    kind: row['kind'],
    legalBasis: row['legal_basis'],
    state: row['state'],
    version: row['version'],
    timers: typeof row['timers'] === 'string' ? JSON.parse(row['timers']) : row['timers'],
    requestingAgencyId: row['requesting_agency_id'],
    requestedAgencyId: row['requested_agency_id'],
  };
}
