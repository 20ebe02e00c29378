import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyStream, type AuditTrail } from '@liaison/audit';
import { AgencySchema, runSql, transactionLockSql, UserSchema } from '@liaison/data';
import type { AgencyType } from '@liaison/domain';
import { createAccountLink } from './account-link-token';

/** How long the printed link works: the operator uses it at once. */
export const BOOTSTRAP_LINK_MINUTES = 60;

export interface PlatformAdminBootstrap {
  email: string;
  displayName: string;
  /** Found by country and name, or created. */
  agency: { name: string; country: string; type: AgencyType };
}

export type BootstrapResult =
  | { outcome: 'created' | 'renewed'; userId: string; token: string; expiresAt: Date }
  | { outcome: 'refused'; reason: string };

/**
 * Creates the first platform administrator with no password and a single-use invitation link, shown once. Refused
 * when a platform administrator exists, unless it is the same address that never used its link: then the link is
 * renewed (the earlier one stops working). One run at a time (an advisory lock), audited in the same transaction.
 */
export function bootstrapPlatformAdmin(
  em: EntityManager,
  audit: AuditTrail,
  input: PlatformAdminBootstrap,
): Promise<BootstrapResult> {
  const email = input.email.trim().toLowerCase();
  return em.transactional(async (tx) => {
    await runSql(tx, transactionLockSql('platform-admin-bootstrap'));
    const admins = await tx.find(UserSchema, { platformAdmin: true }, { populate: ['agency', 'passwordHash'] });
    const pending = admins.length === 1 && admins[0].email === email && admins[0].passwordHash === null;
    if (admins.length > 0 && !pending) {
      return { outcome: 'refused', reason: 'a platform administrator exists already: they create the others' };
    }
    if (!pending && (await tx.count(UserSchema, { email }))) {
      return { outcome: 'refused', reason: `${email} is an account already` };
    }
    const user = pending ? admins[0] : await createAdmin(tx, email, input);
    const expiresAt = new Date(Date.now() + BOOTSTRAP_LINK_MINUTES * 60_000);
    const { link, token } = await createAccountLink(tx, user, { purpose: 'invitation', expiresAt, sealWith: null });
    await audit.append(tx, {
      stream: agencyStream(user.agency.id),
      action: pending ? 'user.bootstrap_renewed' : 'user.bootstrapped',
      subjectType: 'user',
      subjectId: user.id,
      data: { platformAdmin: true, roles: [...user.roles], linkId: link.id },
    });
    return { outcome: pending ? 'renewed' : 'created', userId: user.id, token, expiresAt };
  });
}

async function createAdmin(tx: EntityManager, email: string, input: PlatformAdminBootstrap) {
  const agency =
    (await tx.findOne(AgencySchema, { country: input.agency.country, name: input.agency.name })) ??
    tx.create(AgencySchema, { ...input.agency, centralAuthority: false, acceptedLanguages: ['en'] });
  const user = tx.create(UserSchema, {
    agency,
    email,
    displayName: input.displayName,
    passwordHash: null,
    roles: ['ADMIN'],
    platformAdmin: true,
  });
  await tx.flush();
  return user;
}
