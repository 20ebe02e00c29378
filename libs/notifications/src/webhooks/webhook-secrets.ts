import { Inject, Injectable } from '@nestjs/common';
import { MasterKeyring } from '@liaison/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { openStoredSecret, sealWebhookSecret, type SecretSlot } from './webhook-secret-box';

/** An endpoint's secret columns as the statements of webhooks.sql.ts read them. */
export interface StoredSecrets {
  endpoint_id: string;
  secret_ciphertext: Buffer;
  secret_key_id: string | null;
  previous_secret_ciphertext: Buffer | null;
  secret_rotated_at: Date | null;
}

/** A sealed secret and the master key it is sealed under. */
interface SealedSecret {
  ciphertext: Buffer;
  keyId: string;
}

/**
 * The endpoints' signing secrets under the process's master key: sealed when written, opened only to sign. After a
 * rotation the old secret signs too, beside the new one, until the overlap window (WEBHOOK_SECRET_OVERLAP_HOURS)
 * has passed.
 */
@Injectable()
export class WebhookSecrets {
  constructor(
    private readonly keyring: MasterKeyring,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  seal(secret: string, endpointId: string, slot: SecretSlot = 'current'): SealedSecret {
    const key = this.keyring.current;
    return { ciphertext: sealWebhookSecret(secret, endpointId, slot, key), keyId: key.id };
  }

  current(stored: StoredSecrets): string {
    return openStoredSecret(stored, 'current', this.keyring);
  }

  /** When the old secret stops signing, for a rotation at `rotatedAt`. */
  overlapEnd(rotatedAt: Date): Date {
    return new Date(rotatedAt.getTime() + this.config.webhooks.secretOverlapMs);
  }

  /** The secrets a delivery is signed with now: the current one, then the previous one while its window lasts. */
  signing(stored: StoredSecrets, now = new Date()): string[] {
    const secrets = [this.current(stored)];
    const { previous_secret_ciphertext: previous, secret_rotated_at: rotatedAt } = stored;
    if (previous && rotatedAt && now < this.overlapEnd(new Date(rotatedAt))) {
      secrets.push(openStoredSecret(stored, 'previous', this.keyring));
    }
    return secrets;
  }
}
