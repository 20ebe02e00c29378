import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/** One of a user's single-use recovery codes: only its SHA-256 (the codes are random, 60 bits each). */
export const RecoveryCodeSchema = defineEntity({
  name: 'RecoveryCode',
  tableName: 'recovery_code',
  properties: {
    ...identified(),
    user: () => p.manyToOne(UserSchema).index(),
    codeHash: p.string().length(64),
    usedAt: p.datetime().nullable(),
  },
});

export type RecoveryCode = InferEntity<typeof RecoveryCodeSchema>;
