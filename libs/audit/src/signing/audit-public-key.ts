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
    // The start check requires it of the api; the worker, which imports this module too, never needs it.
    const raw = config.audit.publicKey;
    this.key = raw ? parsePublicKey(raw) : null;
    this.keyId = this.key ? keyIdOf(this.key) : null;
  }

  require(): KeyObject {
    if (this.key) return this.key;
    throw signingUnconfigured();
  }
}
