import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { AccountLinkSchema, type AccountLink, type AccountLinkPurpose, type User } from '@liaison/data';
import { sealAccountLinkToken } from '@liaison/notifications';
import { sha256Hex, type MasterKey } from '@liaison/platform';

/** A password reset link works this long (the 30 minutes; invitations: INVITATION_TTL_HOURS). */
export const RESET_LINK_MINUTES = 30;

export interface NewAccountLink {
  link: AccountLink;
  /** In clear, for the moment it is made: never stored as such, nor logged. */
  token: string;
}

/**
 * Stores a new link for the user in the caller's transaction, after spending every earlier one of theirs (only
 * the latest link works). 256 random bits, found by their SHA-256; sealed under `sealWith` when the worker must
 * rebuild its e-mail, not at all when it is shown once (the bootstrap command prints it).
 */
export async function createAccountLink(
  em: EntityManager,
  user: User,
  terms: { purpose: AccountLinkPurpose; expiresAt: Date; sealWith: MasterKey | null },
): Promise<NewAccountLink> {
  await spendAccountLinks(em, user.id);
  const token = randomBytes(32).toString('base64url');
  const id = uuidv7();
  const link = em.create(AccountLinkSchema, {
    id,
    user,
    purpose: terms.purpose,
    tokenHash: sha256Hex(token),
    tokenSealed: terms.sealWith ? sealAccountLinkToken(token, id, terms.sealWith) : null,
    tokenKeyId: terms.sealWith?.id ?? null,
    expiresAt: terms.expiresAt,
    spentAt: null,
  });
  await em.flush();
  return { link, token };
}

/** Every live link of the user stops working, and its sealed token is dropped. */
export function spendAccountLinks(em: EntityManager, userId: string): Promise<number> {
  return em.nativeUpdate(
    AccountLinkSchema,
    { user: userId, spentAt: null },
    { spentAt: new Date(), tokenSealed: null, tokenKeyId: null },
  );
}
