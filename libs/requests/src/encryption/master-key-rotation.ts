import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { PersonSchema } from '@liaison/data';
import type { MasterKeyring } from '@liaison/platform';
import { rewrapDataKey } from '../persons/encryption/identity-envelope';

export interface MasterKeyRotation {
  toMasterKeyId: string;
  /** Data keys re-wrapped by this run. */
  rewrapped: number;
  /** Persons still under another master key than the current one (one this keyring does not hold). */
  remaining: number;
}

/**
 * Re-wraps every data key wrapped by one of the keyring's previous master keys under its current one, in batches:
 * each batch is one transaction with its system audit entry (counts and key ids only). Identities are not
 * re-encrypted, and the app reads persons under either key meanwhile. Safe to run again after an interruption.
 */
export async function rotateMasterKey(
  em: EntityManager,
  audit: AuditTrail,
  keyring: MasterKeyring,
  options: { batchSize?: number } = {},
): Promise<MasterKeyRotation> {
  const batchSize = options.batchSize ?? 500;
  let rewrapped = 0;
  for (;;) {
    const count = await rewrapBatch(em, audit, keyring, batchSize);
    rewrapped += count;
    if (count < batchSize) break;
  }
  const remaining = await em.fork().count(PersonSchema, { purgedAt: null, masterKeyId: { $ne: keyring.current.id } });
  return { toMasterKeyId: keyring.current.id, rewrapped, remaining };
}

function rewrapBatch(em: EntityManager, audit: AuditTrail, keyring: MasterKeyring, limit: number): Promise<number> {
  const previous = keyring.previousIds;
  if (previous.length === 0) return Promise.resolve(0);
  return em.fork().transactional(async (tx) => {
    const persons = await tx.find(
      PersonSchema,
      { purgedAt: null, masterKeyId: { $in: previous } },
      {
        fields: ['id', 'wrappedDataKey', 'masterKeyId'],
        orderBy: { id: 'asc' },
        limit,
        lockMode: LockMode.PESSIMISTIC_WRITE,
      },
    );
    if (persons.length === 0) return 0;
    const from = new Set<string>();
    for (const person of persons) {
      from.add(person.masterKeyId as string);
      const wrapped = { wrappedDataKey: person.wrappedDataKey as Buffer, masterKeyId: person.masterKeyId as string };
      Object.assign(person, rewrapDataKey(person.id, wrapped, keyring, keyring.current));
    }
    await tx.flush();
    await audit.append(tx, {
      stream: SYSTEM_STREAM,
      action: 'master_key.rewrapped',
      subjectType: 'master_key',
      subjectId: keyring.current.id,
      data: { count: persons.length, fromMasterKeyIds: [...from].sort(), toMasterKeyId: keyring.current.id },
    });
    return persons.length;
  });
}
