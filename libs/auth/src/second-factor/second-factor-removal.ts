import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PasskeyCredentialSchema, RecoveryCodeSchema, TotpCredentialSchema } from '@liaison/data';

/** An administrator's reset: every second factor of the user goes, so their next sign-in leads to enrolment. */
@Injectable()
export class SecondFactorRemoval {
  /** In the caller's transaction; answers what was removed, for the audit entry. */
  async removeAll(
    em: EntityManager,
    userId: string,
  ): Promise<{ totp: number; recoveryCodes: number; passkeys: number }> {
    const totp = await em.nativeDelete(TotpCredentialSchema, { user: userId });
    const recoveryCodes = await em.nativeDelete(RecoveryCodeSchema, { user: userId });
    const passkeys = await em.nativeDelete(PasskeyCredentialSchema, { user: userId });
    return { totp, recoveryCodes, passkeys };
  }
}
