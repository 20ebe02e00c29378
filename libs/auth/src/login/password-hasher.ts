import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Counter, register } from 'prom-client';

/** argon2id with the library's defaults (OWASP-recommended parameters). */
@Injectable()
export class PasswordHasher {
  /** Verified against when the account does not exist, so both answers take as long. */
  private readonly decoy = argon2.hash('liaison-decoy-password');
  private readonly verifications = passwordVerifications();

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    this.verifications.inc();
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false; // a malformed stored hash never signs anyone in
    }
  }

  async verifyDecoy(password: string): Promise<void> {
    await this.verify(undefined, password);
  }
}

const PASSWORD_VERIFICATIONS = 'liaison_password_verifications_total';

/** What guessing costs the api, and what the lockout holds back; one per process, however many modules load. */
function passwordVerifications(): Counter {
  return (
    (register.getSingleMetric(PASSWORD_VERIFICATIONS) as Counter | undefined) ??
    new Counter({
      name: PASSWORD_VERIFICATIONS,
      help: 'Password hashes verified (sign-in attempts that reached argon2, decoys for unknown names included)',
    })
  );
}
