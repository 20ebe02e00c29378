import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditTrail, requestStream } from '@liaison/audit';
import { PersonPurgeProposalSchema, PersonSchema, type Person } from '@liaison/data';
import type { CallerContext } from '@liaison/domain';
import { MasterKeyring } from '@liaison/platform';
import { openIdentity, sealIdentity, type IdentityEnvelope } from './encryption/identity-envelope';
import { IDENTITY_FIELDS, type PersonIdentity, type RedactedIdentity } from './person-identity';

/** The envelope's columns: lazy, so that only this store ever loads them. */
const ENVELOPE_FIELDS = ['identityCiphertext', 'identityIv', 'identityTag', 'wrappedDataKey', 'masterKeyId'] as const;

/**
 * The one way in and out of a person's identifying data (docs/personal-data.md): encrypted with AES-256-GCM
 * under a per-person data key wrapped by the master key. Every decryption is audited, in the caller's transaction;
 * redaction never reads the data at all; a purge destroys the data key and the ciphertext.
 */
@Injectable()
export class PersonIdentityStore {
  constructor(
    private readonly audit: AuditTrail,
    private readonly keyring: MasterKeyring,
  ) {}

  /** Replaces the person's identity under a fresh data key (the person is then flushed by the caller). */
  store(person: Person, identity: PersonIdentity): void {
    const envelope = sealIdentity(person.id, identity, this.keyring.current);
    person.identityCiphertext = envelope.ciphertext;
    person.identityIv = envelope.iv;
    person.identityTag = envelope.tag;
    person.wrappedDataKey = envelope.wrappedDataKey;
    person.masterKeyId = envelope.masterKeyId;
  }

  /**
   * Decrypts the identities of persons of one request, one audit entry per decryption (purged persons have
   * nothing to decrypt and are left out).
   */
  async reveal(
    em: EntityManager,
    caller: CallerContext,
    requestId: string,
    personIds: string[],
  ): Promise<Map<string, PersonIdentity>> {
    if (personIds.length === 0) return new Map();
    const rows = await em.find(
      PersonSchema,
      { id: { $in: personIds }, request: requestId, purgedAt: null },
      { fields: ['id', ...ENVELOPE_FIELDS] },
    );
    const revealed = new Map<string, PersonIdentity>();
    for (const row of rows) {
      await this.audit.append(em, {
        stream: requestStream(requestId),
        action: 'person.identity_read',
        subjectType: 'person',
        subjectId: row.id,
        actor: caller.actor,
        clientRequestId: caller.clientRequestId,
        data: { requestId },
      });
      revealed.set(row.id, openIdentity(row.id, envelopeOf(row), this.keyring));
    }
    return revealed;
  }

  /** What those without the right to identify a person see: every identifying field withheld, nothing read. */
  redact(): RedactedIdentity {
    return Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, null])) as RedactedIdentity;
  }

  /** Persons row-locked, with their envelope loaded so that a purge can erase it. */
  findForPurge(em: EntityManager, personIds: string[]): Promise<Person[]> {
    return em.find(
      PersonSchema,
      { id: { $in: personIds } },
      { populate: [...ENVELOPE_FIELDS], lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
  }

  /**
   * Destroys the wrapped data key and the ciphertext (written by the caller's flush, in the transaction that audits
   * the purge), and deletes the persons' pending purge proposals, now moot. The identity is then unreadable by
   * anyone, whatever master key they hold.
   */
  async purge(em: EntityManager, persons: Person[], at: Date): Promise<void> {
    for (const person of persons) {
      for (const field of ENVELOPE_FIELDS) person[field] = null;
      person.purgedAt = at;
    }
    if (persons.length === 0) return;
    await em.nativeDelete(PersonPurgeProposalSchema, { person: { $in: persons.map((person) => person.id) } });
  }
}

function envelopeOf(row: Pick<Person, (typeof ENVELOPE_FIELDS)[number]>): IdentityEnvelope {
  return {
    ciphertext: row.identityCiphertext as Buffer,
    iv: row.identityIv as Buffer,
    tag: row.identityTag as Buffer,
    wrappedDataKey: row.wrappedDataKey as Buffer,
    masterKeyId: row.masterKeyId as string,
  };
}
