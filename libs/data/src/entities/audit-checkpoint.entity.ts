import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { appendOnlyTrigger } from './append-only-triggers';

/**
 * A signed Merkle root (RFC 6962) over the audit entries of the transactions with `xidFrom <= txid < xidTo`, in
 * `(txid, id)` order. Checkpoints are numbered without gaps and linked: each signs the hash of the one before.
 * Append-only, like the trail.
 */
export const AuditCheckpointSchema = defineEntity({
  name: 'AuditCheckpoint',
  tableName: 'audit_checkpoint',
  properties: {
    id: p.uuid().primary(),
    seq: p.integer().unique(),
    xidFrom: p.bigint('string'),
    xidTo: p.bigint('string'),
    treeSize: p.integer(),
    rootHash: p.string().length(64),
    /** `hash` of the previous checkpoint; 64 zeros for the first. */
    previousHash: p.string().length(64),
    /** SHA-256 of the signed statement (RFC 8785 canonical JSON). */
    hash: p.string().length(64),
    /** Ed25519 signature of the statement, base64. */
    signature: p.text(),
    /** SHA-256 of the public key (SPKI DER), hex: which key signed. */
    keyId: p.string().length(64),
    createdAt: p.datetime(),
  },
  indexes: [{ properties: ['xidTo'] }],
  triggers: [appendOnlyTrigger()],
});

export type AuditCheckpoint = InferEntity<typeof AuditCheckpointSchema>;
