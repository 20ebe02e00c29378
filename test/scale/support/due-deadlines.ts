import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { DeadlineSchema } from '@liaison/data';
import { insertRequests, type Parties } from '../../fault/support/bulk-fixture';

export interface DueDeadline {
  id: string;
  requestId: string;
}

/**
 * MLA requests transmitted to Nepal whose `acknowledge` clock runs out at `dueAt`, with their pending deadline rows:
 * what an approval and the worker's deadline sync leave behind, with a due time minutes instead of 7 days away (the
 * workers run on the real clock). The workers' reconciliation arms them; when the time comes each must fire once.
 */
export async function insertDueDeadlines(
  em: EntityManager,
  parties: Parties,
  count: number,
  dueAt: Date,
): Promise<DueDeadline[]> {
  const timers = [{ name: 'acknowledge', status: 'running', dueAt: dueAt.toISOString() }];
  const requestIds = await insertRequests(em, parties, count, { state: 'transmitted', timers });
  const deadlines = requestIds.map((requestId) => ({
    id: uuidv7(),
    createdAt: new Date(),
    updatedAt: new Date(),
    requestId,
    kind: 'acknowledge',
    dueAt,
    remainingMs: null,
    legalSource: 'Directive 2014/41/EU Art. 16(1), Annex B',
    responsibleSide: 'requested' as const,
    status: 'pending' as const,
    overdueAt: null,
    stoppedAt: null,
  }));
  await em.insertMany(DeadlineSchema, deadlines);
  return deadlines.map(({ id, requestId }) => ({ id, requestId }));
}
