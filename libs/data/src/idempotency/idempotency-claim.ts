import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../sql/run-sql';
import type { Sql } from '../sql/sql';
import { answerClaimSql } from './idempotency.sql';
import type { IdempotentResource } from './idempotent-resource';

/** The claim of the `Idempotency-Key` of the call being handled. */
export interface IdempotencyClaim {
  id: string;
  /** The status the route answers with when it succeeds. */
  status: number;
  /** Whether a change's transaction has written the answer (the interceptor then writes nothing after the call). */
  answered: boolean;
}

const current = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs the call with its claim, for the writes below it to answer in their own transaction. */
export function withIdempotencyClaim<T>(claim: IdempotencyClaim, call: () => T): T {
  return current.run(claim, call);
}

/**
 * The statement that answers the current call's claim with what it wrote, for the change's own transaction: the
 * write path adds it to its commit message. None when the call came without an `Idempotency-Key`.
 */
export function idempotentAnswerSql(resource: IdempotentResource): Sql[] {
  const claim = current.getStore();
  if (!claim) return [];
  claim.answered = true;
  return [answerClaimSql(claim.id, claim.status, resource)];
}

/** The same, run in the entity manager's transaction (the writes through the ORM). */
export async function recordIdempotentAnswer(tx: EntityManager, resource: IdempotentResource): Promise<void> {
  for (const statement of idempotentAnswerSql(resource)) await runSql(tx, statement);
}
