import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/**
 * An issued refresh token. Only its SHA-256 is stored. Tokens rotate on use; presenting a token that was
 * already rotated revokes its whole family (a stolen token is then worthless to both holders).
 */
export const RefreshTokenSchema = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    ...identified(),
    user: () => p.manyToOne(UserSchema).index(),
    tokenHash: p.string().length(64).unique(),
    family: p.uuid().index(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
  },
});

export type RefreshToken = InferEntity<typeof RefreshTokenSchema>;
