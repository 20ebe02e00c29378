import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AgencySchema } from './agency.entity';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/** An agency's OpenID Connect identity provider: its users sign in through it. One per agency at most. */
export const AgencySignOnSchema = defineEntity({
  name: 'AgencySignOn',
  tableName: 'agency_sign_on',
  properties: {
    ...identified(),
    agency: () => p.manyToOne(AgencySchema).unique(),
    /** The provider's issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
    issuer: p.string().length(2000),
    clientId: p.string().length(300),
    /** AES-256-GCM under the master key `clientSecretKeyId` (nonce ‖ ciphertext ‖ tag), bound to this row. */
    clientSecretCiphertext: p.blob().hidden().lazy(),
    clientSecretKeyId: p.string().length(16).index(),
    /** The ID token (or userinfo) claim that carries the user's e-mail address. */
    emailClaim: p.string().length(100).default('email'),
    /** `amr` values (RFC 8176) that stand for the second factor; empty: the IdP's sign-in never does. */
    acceptedAmr: p.array().defaultRaw("'{}'"),
    /** `acr` values that stand for the second factor. */
    acceptedAcr: p.array().defaultRaw("'{}'"),
    /** Off: the settings are kept, nobody signs in through the provider. */
    enabled: p.boolean().default(true),
    /** Off: the agency's users sign in only through the provider (never with a Liaison password). */
    passwordSignIn: p.boolean().default(true),
    /** When a user of the agency first signed in through these settings; a change of provider or client resets it. */
    provenAt: p.datetime().nullable(),
    updatedBy: () => p.manyToOne(UserSchema),
  },
});

export type AgencySignOn = InferEntity<typeof AgencySignOnSchema>;
