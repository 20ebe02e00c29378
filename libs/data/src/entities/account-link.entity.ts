import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/** Why a link was sent: a new account's invitation, a reset the user asked for, or one an administrator forced. */
export const ACCOUNT_LINK_PURPOSES = ['invitation', 'reset', 'admin_reset'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/**
 * A single-use link by which a user chooses a password (docs/accounts.md). Only the token's SHA-256 finds it; the
 * token itself is kept sealed under the master key `tokenKeyId` (AES-256-GCM, nonce ‖ ciphertext ‖ tag) so the
 * worker can rebuild the e-mail, and is dropped once the link is used, replaced or past its time.
 */
export const AccountLinkSchema = defineEntity({
  name: 'AccountLink',
  tableName: 'account_link',
  properties: {
    ...identified(),
    user: () => p.manyToOne(UserSchema).index(),
    purpose: p.enum(ACCOUNT_LINK_PURPOSES),
    tokenHash: p.string().length(64).unique(),
    tokenSealed: p.blob().hidden().lazy().nullable(),
    tokenKeyId: p.string().length(16).nullable(),
    expiresAt: p.datetime(),
    /** When it was used, or replaced by a newer link of the user: either way it opens nothing any more. */
    spentAt: p.datetime().nullable(),
  },
});

export type AccountLink = InferEntity<typeof AccountLinkSchema>;
