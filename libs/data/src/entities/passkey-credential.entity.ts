import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/**
 * A passkey (WebAuthn credential) of a user: the phishing-resistant second factor, bound to the console's origin.
 * Only its public key is kept; `counter` is the authenticator's signature count, which must not go back.
 */
export const PasskeyCredentialSchema = defineEntity({
  name: 'PasskeyCredential',
  tableName: 'passkey_credential',
  properties: {
    ...identified(),
    user: () => p.manyToOne(UserSchema).index(),
    /** The credential id, base64url. */
    credentialId: p.string().length(1400).unique(),
    publicKey: p.blob(),
    counter: p.bigint('number').default(0),
    transports: p.array().defaultRaw("'{}'"),
    /** The user's name for it ("work laptop"). */
    name: p.string().length(100),
    lastUsedAt: p.datetime().nullable(),
  },
});

export type PasskeyCredential = InferEntity<typeof PasskeyCredentialSchema>;
