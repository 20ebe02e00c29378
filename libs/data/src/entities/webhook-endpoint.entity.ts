import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AgencySchema } from './agency.entity';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/** A partner agency's system that receives signed webhooks for the events it subscribed to. */
export const WebhookEndpointSchema = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoint',
  properties: {
    ...identified(),
    agency: () => p.manyToOne(AgencySchema).index(),
    url: p.string().length(2000),
    description: p.string().length(300).nullable(),
    /** Event types (`request.approve`), families (`request.*`, `deadline.*`) or `*`. */
    events: p.array(),
    /**
     * The HMAC key, shown to the administrator once and needed by the worker to sign each delivery: AES-256-GCM
     * under the master key `secretKeyId` (nonce ‖ ciphertext ‖ tag). No key id: moved over in clear by the
     * migration, sealed by the worker when it starts.
     */
    secretCiphertext: p.blob().hidden().lazy(),
    secretKeyId: p.string().length(16).nullable().index(),
    /** The secret the last rotation replaced: it still signs deliveries for the overlap window after it. */
    previousSecretCiphertext: p.blob().hidden().lazy().nullable(),
    secretRotatedAt: p.datetime().nullable(),
    active: p.boolean().default(true),
    createdBy: () => p.manyToOne(UserSchema),
    deletedAt: p.datetime().nullable(),
  },
});

export type WebhookEndpoint = InferEntity<typeof WebhookEndpointSchema>;
