import { createPublicKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { signStatement, type CheckpointStatement, type SignedCheckpoint } from '../checkpoints/checkpoint-statement';
import { keyIdOf, parsePrivateKey } from './signing-key';

/**
 * The checkpoint signing key of AUDIT_SIGNING_KEY (Ed25519), in the worker only (the api has {@link AuditPublicKey}).
 * Without it (only under the development setting), no checkpoints.
 */
@Injectable()
export class AuditSigner {
  private readonly privateKey: KeyObject | null;
  readonly publicKey: KeyObject | null;
  readonly keyId: string | null;

  constructor(@Inject(LIAISON_CONFIG) config: LiaisonConfig) {
    const raw = config.audit.signingKey;
    if (!raw && !config.development) {
      throw new Error('AUDIT_SIGNING_KEY must be set to an Ed25519 private key outside development');
    }
    this.privateKey = raw ? parsePrivateKey(raw) : null;
    this.publicKey = this.privateKey ? createPublicKey(this.privateKey) : null;
    this.keyId = this.publicKey ? keyIdOf(this.publicKey) : null;
  }

  get available(): boolean {
    return this.privateKey !== null;
  }

  sign(statement: CheckpointStatement): SignedCheckpoint {
    if (!this.privateKey) throw new Error('AUDIT_SIGNING_KEY is not set');
    return signStatement(statement, this.privateKey);
  }
}
