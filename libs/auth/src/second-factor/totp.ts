import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import * as OTPAuth from 'otpauth';
import * as QRCode from 'qrcode';
import { TotpCredentialSchema, UserSchema, type User } from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { openTotpSecret, sealTotpSecret } from './totp-secret-box';

const PERIOD_SECONDS = 30;
const ISSUER = 'Liaison';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, a PNG data URL the console shows as an image. */
  qrCode: string;
}

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of drift either way). The secret is sealed under the master key;
 * a code is accepted once: its time step must be later than the last accepted one, checked and recorded in one
 * conditional update, so two requests racing with the same code cannot both win.
 */
@Injectable()
export class Totp {
  constructor(
    private readonly em: EntityManager,
    private readonly keyring: MasterKeyring,
  ) {}

  /** A new, unconfirmed secret replaces any unconfirmed one; a confirmed one is replaced only after a reset. */
  async begin(user: User): Promise<TotpEnrolment> {
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    const key = this.keyring.current;
    const em = this.em.fork();
    await em.nativeDelete(TotpCredentialSchema, { user: user.id, confirmedAt: null });
    em.create(TotpCredentialSchema, {
      user: em.getReference(UserSchema, user.id),
      secretCiphertext: sealTotpSecret(secret, user.id, key),
      secretKeyId: key.id,
      confirmedAt: null,
      lastUsedStep: 0,
    });
    await em.flush();
    const otpauthUri = totpOf(secret, user.email).toString();
    return { secret, otpauthUri, qrCode: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 }) };
  }

  /** Whether the user has a confirmed secret. */
  async enrolled(userId: string): Promise<boolean> {
    return (await this.em.fork().count(TotpCredentialSchema, { user: userId, confirmedAt: { $ne: null } })) > 0;
  }

  /** Checks a code against the confirmed secret (`confirming`: the unconfirmed one, which it then confirms). */
  async check(em: EntityManager, user: User, code: string, confirming = false): Promise<boolean> {
    const stored = await em.findOne(
      TotpCredentialSchema,
      { user: user.id, confirmedAt: confirming ? null : { $ne: null } },
      { populate: ['secretCiphertext'] },
    );
    if (!stored) return false;
    const secret = openTotpSecret(Buffer.from(stored.secretCiphertext), user.id, stored.secretKeyId, this.keyring);
    const now = Date.now();
    const delta = totpOf(secret, user.email).validate({ token: code, timestamp: now, window: 1 });
    if (delta === null) return false;
    const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
    const accepted = await em.nativeUpdate(
      TotpCredentialSchema,
      { id: stored.id, lastUsedStep: { $lt: step } },
      confirming ? { lastUsedStep: step, confirmedAt: new Date() } : { lastUsedStep: step },
    );
    return accepted === 1;
  }
}

function totpOf(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}
