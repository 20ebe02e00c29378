import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { PersonSchema, RequestKeySchema } from '@liaison/data';
import type { MasterKeyring } from '@liaison/platform';
import { rewrapDataKey, type WrappedKey } from '../persons/encryption/identity-envelope';
import type { DataKeyOwner } from './data-key-wrap';

export interface MasterKeyRotation {
  toMasterKeyId: string;
  /** Data keys (persons' and requests') re-wrapped by this run. */
  rewrapped: number;
  /** Persons and requests still under another master key than the current one (one this keyring does not hold). */
  remaining: number;
}

/** A row holding a wrapped data key, as the batches handle it. */
interface KeyRow {
  ownerId: string;
  wrapped: WrappedKey;
  assign(wrapped: WrappedKey): void;
}

type BatchReader = (tx: EntityManager, previous: string[], limit: number) => Promise<KeyRow[]>;

/** Persons not purged under a previous master key, row-locked. */
const personKeys: BatchReader = async (tx, previous, limit) => {
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
  return persons.map((person) => ({
    ownerId: person.id,
    wrapped: {
      wrappedDataKey: Buffer.from(person.wrappedDataKey as Uint8Array),
      masterKeyId: person.masterKeyId as string,
    },
    assign: (wrapped) => Object.assign(person, wrapped),
  }));
};

/** Requests' data keys under a previous master key, row-locked. */
const requestKeys: BatchReader = async (tx, previous, limit) => {
  const keys = await tx.find(
    RequestKeySchema,
    { masterKeyId: { $in: previous } },
    { orderBy: { request: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  return keys.map((key) => ({
    ownerId: key.request.id,
    wrapped: { wrappedDataKey: Buffer.from(key.wrappedDataKey), masterKeyId: key.masterKeyId },
    assign: (wrapped) => Object.assign(key, wrapped),
  }));
};

const READERS: ReadonlyArray<[DataKeyOwner, BatchReader]> = [
  ['person', personKeys],
  ['request', requestKeys],
];

/**
 * Re-wraps every data key (persons' and requests') wrapped by one of the keyring's previous master keys under its
 * current one, in batches: each batch is one transaction with its system audit entry (counts and key ids only).
 * Identities, contents, notes, history payloads and attachments are not re-encrypted, and the apps read them
 * under either key meanwhile. Safe to run again after an interruption.
 */
export async function rotateMasterKey(
  em: EntityManager,
  audit: AuditTrail,
  keyring: MasterKeyring,
  options: { batchSize?: number } = {},
): Promise<MasterKeyRotation> {
  const batchSize = options.batchSize ?? 500;
  let rewrapped = 0;
  for (const [owner, reader] of READERS) {
    for (;;) {
      const count = await rewrapBatch(em, audit, keyring, batchSize, owner, reader);
      rewrapped += count;
      if (count < batchSize) break;
    }
  }
  const current = { $ne: keyring.current.id };
  const remaining =
    (await em.fork().count(PersonSchema, { purgedAt: null, masterKeyId: current })) +
    (await em.fork().count(RequestKeySchema, { masterKeyId: current }));
  return { toMasterKeyId: keyring.current.id, rewrapped, remaining };
}

function rewrapBatch(
  em: EntityManager,
  audit: AuditTrail,
  keyring: MasterKeyring,
  limit: number,
  owner: DataKeyOwner,
  reader: BatchReader,
): Promise<number> {
  const previous = keyring.previousIds;
  if (previous.length === 0) return Promise.resolve(0);
  return em.fork().transactional(async (tx) => {
    const rows = await reader(tx, previous, limit);
    if (rows.length === 0) return 0;
    const from = new Set<string>();
    for (const row of rows) {
      from.add(row.wrapped.masterKeyId);
      row.assign(rewrapDataKey(row.ownerId, row.wrapped, keyring, keyring.current, owner));
    }
    await tx.flush();
    await audit.append(tx, {
      stream: SYSTEM_STREAM,
      action: 'master_key.rewrapped',
      subjectType: 'master_key',
      subjectId: keyring.current.id,
      data: {
        count: rows.length,
        keys: owner,
        fromMasterKeyIds: [...from].sort(),
        toMasterKeyId: keyring.current.id,
      },
    });
    return rows.length;
  });
}
