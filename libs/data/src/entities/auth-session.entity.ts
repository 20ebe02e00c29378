import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/**
 * One sign-in: its refresh tokens (the family) share its id. It records how the user authenticated, so that step-up
 * is checked on the server, and ends at `expiresAt` however often it is refreshed. The client (address, user agent)
 * is personal data: AES-256-GCM under the master key `clientKeyId`.
 */
export const AuthSessionSchema = defineEntity({
  name: 'AuthSession',
  tableName: 'auth_session',
  properties: {
    ...identified(),
    user: () => p.manyToOne(UserSchema).index(),
    /** How the user authenticated: `pwd`, then `otp`, `recovery`, `passkey` or `sso`. */
    methods: p.array(),
    authenticatedAt: p.datetime(),
    /** The last time the second factor was checked (sign-in or step-up); null: never in this session. */
    secondFactorAt: p.datetime().nullable(),
    lastUsedAt: p.datetime(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    /** Null: started outside HTTP, with no client to record. */
    clientCiphertext: p.blob().hidden().lazy().nullable(),
    clientKeyId: p.string().length(16).nullable(),
  },
});

export type AuthSession = InferEntity<typeof AuthSessionSchema>;
