import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * How far the checkpoints have been published to a witness outside the database (docs/audit.md, The witness): the
 * last checkpoint it acknowledged. The checkpoints themselves are the durable record published from, so a checkpoint
 * is published at least once whatever fails; only the worker's role may move the cursor.
 */
export const AuditWitnessCursorSchema = defineEntity({
  name: 'AuditWitnessCursor',
  tableName: 'audit_witness_cursor',
  properties: {
    /**
     * The witness (AUDIT_WITNESS): its URL, or `file://<host><path>` for a file, one per machine. A new witness is
     * published to from the first checkpoint on.
     */
    witness: p.string().length(1000).primary(),
    /** The seq of the last checkpoint the witness acknowledged. */
    checkpointSeq: p.integer(),
    updatedAt: p.datetime(),
  },
});

export type AuditWitnessCursor = InferEntity<typeof AuditWitnessCursorSchema>;
