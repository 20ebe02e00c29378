import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RecoveryCodeSchema, UserSchema } from '@liaison/data';
import { sha256Hex } from '@liaison/platform';

const COUNT = 10;
/** Crockford's base32 without look-alikes: 12 characters are 60 bits, shown as three groups of four. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Ten single-use codes for when the authenticator is lost, shown once and stored as SHA-256 only (random codes need
 * no slow hash). A code is spent by one conditional update, so it works once even when sent twice at once.
 */
@Injectable()
export class RecoveryCodes {
  /** Replaces the user's codes with ten new ones, in the caller's transaction; answers them in clear. */
  async replace(em: EntityManager, userId: string): Promise<string[]> {
    await em.nativeDelete(RecoveryCodeSchema, { user: userId });
    const codes = Array.from({ length: COUNT }, newCode);
    for (const code of codes) {
      em.create(RecoveryCodeSchema, {
        user: em.getReference(UserSchema, userId),
        codeHash: sha256Hex(normalise(code)),
        usedAt: null,
      });
    }
    await em.flush();
    return codes;
  }

  async spend(em: EntityManager, userId: string, code: string): Promise<boolean> {
    const spent = await em.nativeUpdate(
      RecoveryCodeSchema,
      { user: userId, codeHash: sha256Hex(normalise(code)), usedAt: null },
      { usedAt: new Date() },
    );
    return spent === 1;
  }

  async left(em: EntityManager, userId: string): Promise<number> {
    return em.count(RecoveryCodeSchema, { user: userId, usedAt: null });
  }
}

function newCode(): string {
  const characters = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return characters.match(/.{4}/g)?.join('-') ?? characters;
}

/** As typed: any case, with or without the dashes and spaces. */
function normalise(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}
