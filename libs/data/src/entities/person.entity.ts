import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { GENDERS, HANDLING_CODES, PERSON_ROLES } from '@liaison/domain';
import { RequestSchema } from './request.entity';
import { identified } from './timestamps';

const ENVELOPE_COLUMNS = ['identity_ciphertext', 'identity_iv', 'identity_tag', 'wrapped_data_key', 'master_key_id'];

/**
 * A suspect, victim or witness linked to a request. Identifying fields (names, aliases, date of birth, document
 * numbers, addresses, contact details, photograph references) exist only as an AES-256-GCM envelope under a
 * per-person data key, itself wrapped by the master key `master_key_id` names; they are written and read only by
 * the requests lib's person-identity store. A purge destroys the envelope and its key. The other columns are not
 * identifying and feed the rules and statistics.
 */
export const PersonSchema = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    ...identified(),
    request: () => p.manyToOne(RequestSchema).index(),
    role: p.enum(PERSON_ROLES),
    /** The identity as JSON, padded, encrypted with the data key (AES-256-GCM). */
    identityCiphertext: p.blob().lazy().nullable(),
    /** 96-bit GCM nonce of the identity. */
    identityIv: p.blob().lazy().nullable(),
    /** 128-bit GCM authentication tag of the identity. */
    identityTag: p.blob().lazy().nullable(),
    /** The data key encrypted by the master key (AES-256-GCM: nonce ‖ ciphertext ‖ tag). */
    wrappedDataKey: p.blob().lazy().nullable(),
    /** Fingerprint of the master key that wrapped the data key (rotation re-wraps, keyed by it). */
    masterKeyId: p.string().length(16).nullable().index(),
    /** When the identity was destroyed (by a supervisor, or at the end of the retention period). */
    purgedAt: p.datetime().nullable(),
    gender: p.enum(GENDERS).default('unknown'),
    /** ISO 3166-1 alpha-2 stated nationality. */
    nationality: p.string().length(2).nullable(),
    /** Under 18; null when unknown (then treated as a child, CoE Convention Art. 10(3)). */
    minor: p.boolean().nullable(),
    handlingCode: p.enum(HANDLING_CODES).default('H0'),
  },
  checks: [
    {
      name: 'person_identity_envelope_check',
      expression: `(purged_at is null and ${ENVELOPE_COLUMNS.map((column) => `${column} is not null`).join(' and ')}) or (purged_at is not null and ${ENVELOPE_COLUMNS.map((column) => `${column} is null`).join(' and ')})`,
    },
  ],
});

export type Person = InferEntity<typeof PersonSchema>;
