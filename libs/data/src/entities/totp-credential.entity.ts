import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/**
 * A user's TOTP secret (RFC 6238), AES-256-GCM under the master key `secretKeyId`. Unconfirmed until the user has
 * entered a first code; `lastUsedStep` is the time step of the last accepted code, which cannot be used again.
 */
export const TotpCredentialSchema = defineEntity({
  name: 'TotpCredential',
  tableName: 'totp_credential',
  properties: {
    ...identified(),
    user: () => p.oneToOne(UserSchema).owner().unique(),
    secretCiphertext: p.blob().hidden().lazy(),
    secretKeyId: p.string().length(16),
    confirmedAt: p.datetime().nullable(),
    lastUsedStep: p.bigint('number').default(0),
  },
});

export type TotpCredential = InferEntity<typeof TotpCredentialSchema>;
