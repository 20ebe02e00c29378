import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { HANDLING_CODES } from '@liaison/domain';
import { RequestSchema } from './request.entity';
import { UserSchema } from './user.entity';

/**
 * A document attached to a request; its bytes are in the attachment store under `storageKey`, encrypted under the
 * request's data key when `sealed` (chunked AES-256-GCM). `sha256` and `size` are of the plaintext.
 */
export const AttachmentSchema = defineEntity({
  name: 'Attachment',
  tableName: 'attachment',
  properties: {
    id: p.uuid().primary(),
    request: () => p.manyToOne(RequestSchema).index(),
    fileName: p.string().length(255),
    contentType: p.string().length(100),
    size: p.bigint('number'),
    sha256: p.string().length(64),
    storageKey: p.string().length(300),
    /** The stored bytes are encrypted; false only for files from before encryption, until the worker seals them. */
    sealed: p.boolean().default(false),
    handlingCode: p.enum(HANDLING_CODES).default('H0'),
    /** The H3 restriction, in words. */
    handlingRestriction: p.text().nullable(),
    language: p.string().length(8).default('en'),
    translationAttached: p.boolean().default(false),
    uploadedBy: () => p.manyToOne(UserSchema),
    createdAt: p.datetime(),
  },
});

export type Attachment = InferEntity<typeof AttachmentSchema>;
