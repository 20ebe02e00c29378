import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { runSql } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash';
import { insertAuditEventSql, streamHeadSql } from './audit-trail.sql';

/** What happened, said by the code that did it; the trail adds the chain. */
export interface AuditEntry {
  stream: string;
  action: string;
  subjectType: string;
  subjectId: string;
  actor?: Pick<Actor, 'userId' | 'agencyId'> | null;
  /** References, states and hashes: never personal data values. */
  data?: Record<string, unknown>;
  clientRequestId?: string | null;
  occurredAt?: Date;
}

export const requestStream = (requestId: string) => `request:${requestId}`;
export const agencyStream = (agencyId: string) => `agency:${agencyId}`;
/** What belongs to no agency, such as failed sign-ins with an unknown login name. */
export const SYSTEM_STREAM = 'system';

/**
 * Appends to the hash-chained trail inside the caller's transaction, so an entry exists exactly when the change it
 * records was committed. Appends to one stream are serialised by a transaction-scoped advisory lock; different
 * streams never wait for each other.
 */
@Injectable()
export class AuditTrail {
  async append(em: EntityManager, entry: AuditEntry): Promise<string> {
    const [lock, head] = streamHeadSql(entry.stream);
    await runSql(em, lock);
    const [last] = await runSql<StreamHead>(em, head);
    const chained = chainEntry(entry, last);
    await runSql(em, insertAuditEventSql(chained));
    return chained.id;
  }
}

/** The last entry of a stream, as its next entry links to it. */
export interface StreamHead {
  seq: number;
  hash: string;
}

/** An entry with its place in the chain: what is inserted into `audit_event` (txid aside, set by the database). */
export interface ChainedEntry extends HashedAuditFields {
  prevHash: string;
  hash: string;
}

/**
 * The next entry of a stream whose head is `last` (none: the stream's first entry). The caller must have read the
 * head with {@link streamHeadSql}, whose lock it holds until its transaction ends, as {@link AuditTrail.append} does.
 */
export function chainEntry(entry: AuditEntry, last: StreamHead | undefined): ChainedEntry {
  const fields: HashedAuditFields = {
    id: uuidv7(),
    stream: entry.stream,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: (entry.occurredAt ?? new Date()).toISOString(),
    actorUserId: entry.actor?.userId ?? null,
    actorAgencyId: entry.actor?.agencyId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data ?? {},
    clientRequestId: entry.clientRequestId ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return { ...fields, prevHash, hash: auditHash(prevHash, fields) };
}
