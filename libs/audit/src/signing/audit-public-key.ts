import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { signingUnconfigured } from '../audit-problems';
import { keyIdOf, parsePublicKey } from './signing-key';

/**
 * The api's side of the checkpoint key: AUDIT_PUBLIC_KEY, served to auditors and checked against. The private half
 * (AUDIT_SIGNING_KEY, {@link AuditSigner}) lives in the worker only, so a compromised api cannot sign.
 */
@Injectable()
export class AuditPublicKey {
  private readonly key: KeyObject | null;
  readonly keyId: string | null;

  constructor(@Inject(LIAISON_CONFIG) config: LiaisonConfig) {
    const raw = config.audit.publicKey;
    if (!raw && config.nodeEnv === 'production') {
      throw new Error('AUDIT_PUBLIC_KEY must be set to the Ed25519 public key of AUDIT_SIGNING_KEY in production');
    }
    this.key = raw ? parsePublicKey(raw) : null;
    this.keyId = this.key ? keyIdOf(this.key) : null;
  }

  require(): KeyObject {
    if (this.key) return this.key;
    throw signingUnconfigured();
  }
}
