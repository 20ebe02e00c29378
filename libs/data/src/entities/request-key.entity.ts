import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RequestSchema } from './request.entity';

/**
 * A request's data key, wrapped by the master key `master_key_id` names (AES-256-GCM: nonce ‖ ciphertext ‖ tag). It
 * seals the request's content, its notes, the payloads of its history and its attachments' bytes. Deleting the row
 * is the purge: what it sealed stays behind as ciphertext that nothing can open (crypto-shredding).
 */
export const RequestKeySchema = defineEntity({
  name: 'RequestKey',
  tableName: 'request_key',
  properties: {
    request: () => p.oneToOne(RequestSchema).primary().owner().deleteRule('cascade'),
    wrappedDataKey: p.blob(),
    masterKeyId: p.string().length(16).index(),
    createdAt: p.datetime(),
  },
});

export type RequestKey = InferEntity<typeof RequestKeySchema>;
