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
    /** The HMAC key; shown to the administrator once, needed by the worker to sign each delivery. */
    secret: p.string().length(100).hidden().lazy(),
    active: p.boolean().default(true),
    createdBy: () => p.manyToOne(UserSchema),
    deletedAt: p.datetime().nullable(),
  },
});

export type WebhookEndpoint = InferEntity<typeof WebhookEndpointSchema>;
