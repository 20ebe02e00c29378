import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { HANDLING_CODES } from '@liaison/domain';
import { RequestSchema } from './request.entity';
import { UserSchema } from './user.entity';

/** A note on a request, with its own handling code and language (docs/domain.md, Handling codes). */
export const RequestNoteSchema = defineEntity({
  name: 'RequestNote',
  tableName: 'request_note',
  properties: {
    id: p.uuid().primary(),
    request: () => p.manyToOne(RequestSchema).index(),
    author: () => p.manyToOne(UserSchema),
    /** In memory only: sealed into `sealedText` under the request's data key, opened by the requests lib's vault. */
    text: p.text().persist(false),
    sealedText: p.blob().nullable(),
    /** Text from before encryption, until the worker seals it at start. */
    clearText: p.text().nullable(),
    handlingCode: p.enum(HANDLING_CODES).default('H0'),
    /** The H3 restriction, in words. */
    handlingRestriction: p.text().nullable(),
    language: p.string().length(8).default('en'),
    createdAt: p.datetime(),
  },
});

export type RequestNote = InferEntity<typeof RequestNoteSchema>;
