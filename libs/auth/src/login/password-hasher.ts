import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-recommended parameters). */
@Injectable()
export class PasswordHasher {
  /** Verified against when the account does not exist, so both answers take as long. */
  private readonly decoy = argon2.hash('liaison-decoy-password');

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
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
