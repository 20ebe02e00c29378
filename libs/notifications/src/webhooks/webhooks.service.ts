import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { runSql, WebhookDeliverySchema, WebhookEndpointSchema, type WebhookEndpoint } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { fieldError, InvalidInputException, toCursorPage, type CursorPage, type IdPageQuery } from '@liaison/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { deliveryQueueUnavailable, endpointPaused } from '../notifications-problems';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookDestinations } from './webhook-destinations';
import { WebhookSecrets, type StoredSecrets } from './webhook-secrets';
import { newWebhookSecret } from './webhook-signature';
import type { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhookDeliveryView, WebhookView, type CreatedWebhookView, type RotatedSecretView } from './webhook.view';
import { endpointSecretsSql, storeSecretsSql } from './webhooks.sql';

/**
 * An agency's webhook endpoints, managed by its ADMINs; other agencies' endpoints do not exist for them (404).
 * Every change is audited in the agency's stream in the same transaction.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly deliveries: WebhookDeliveries,
    private readonly destinations: WebhookDestinations,
    private readonly secrets: WebhookSecrets,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async create(actor: Actor, input: CreateWebhookDto): Promise<CreatedWebhookView> {
    this.assertScheme(input.url);
    await this.destinations.assertAllowed(input.url);
    const secret = newWebhookSecret();
    const id = uuidv7();
    const sealed = this.secrets.seal(secret, id);
    const endpoint = await this.em.fork().transactional(async (tx) => {
      const created = tx.create(WebhookEndpointSchema, {
        id,
        agency: actor.agencyId,
        url: input.url,
        description: input.description ?? null,
        events: input.events ?? ['*'],
        secretCiphertext: sealed.ciphertext,
        secretKeyId: sealed.keyId,
        active: true,
        createdBy: actor.userId,
        deletedAt: null,
      });
      await this.record(tx, actor, 'webhook.registered', created);
      await tx.flush();
      return created;
    });
    return { ...WebhookView.from(endpoint), secret };
  }

  /**
   * A new secret, answered once; the one it replaces keeps signing deliveries (beside the new one) for the overlap
   * window, so that the partner can switch without losing one. A second rotation drops the older of the two.
   */
  async rotateSecret(actor: Actor, id: string): Promise<RotatedSecretView> {
    const secret = newWebhookSecret();
    const rotatedAt = new Date();
    const validUntil = this.secrets.overlapEnd(rotatedAt).toISOString();
    const endpoint = await this.em.fork().transactional(async (tx) => {
      const found = await this.find(tx, actor, id);
      const [stored] = await runSql<StoredSecrets>(tx, endpointSecretsSql(id));
      const current = this.secrets.seal(secret, id);
      const previous = this.secrets.seal(this.secrets.current(stored), id, 'previous');
      const sealed = { current: current.ciphertext, previous: previous.ciphertext, keyId: current.keyId };
      await runSql(tx, storeSecretsSql(id, sealed, rotatedAt));
      await this.record(tx, actor, 'webhook.secret_rotated', found, { previousSecretValidUntil: validUntil });
      return found;
    });
    return { ...WebhookView.from(endpoint), secret, previousSecretValidUntil: validUntil };
  }

  async list(actor: Actor, page: IdPageQuery): Promise<CursorPage<WebhookView>> {
    const rows = await this.em
      .fork()
      .find(
        WebhookEndpointSchema,
        { agency: actor.agencyId, deletedAt: null, ...(page.cursor ? { id: { $gt: page.cursor } } : {}) },
        { orderBy: { id: 'asc' }, limit: page.limit + 1 },
      );
    return toCursorPage(rows, page.limit, WebhookView.from);
  }

  async get(actor: Actor, id: string): Promise<WebhookView> {
    return WebhookView.from(await this.find(this.em.fork(), actor, id));
  }

  async update(actor: Actor, id: string, changes: UpdateWebhookDto): Promise<WebhookView> {
    if (changes.url) {
      this.assertScheme(changes.url);
      await this.destinations.assertAllowed(changes.url);
    }
    return this.em.fork().transactional(async (tx) => {
      const endpoint = await this.find(tx, actor, id);
      tx.assign(endpoint, definedOnly(changes));
      await this.record(tx, actor, 'webhook.updated', endpoint, { changed: Object.keys(definedOnly(changes)) });
      await tx.flush();
      return WebhookView.from(endpoint);
    });
  }

  /** Removed from use; its delivery log stays for the record. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const endpoint = await this.find(tx, actor, id);
      endpoint.deletedAt = new Date();
      endpoint.active = false;
      await this.record(tx, actor, 'webhook.deleted', endpoint);
      await tx.flush();
    });
  }

  async deliveryLog(actor: Actor, id: string, page: IdPageQuery): Promise<CursorPage<WebhookDeliveryView>> {
    const em = this.em.fork();
    await this.find(em, actor, id);
    const rows = await em.find(
      WebhookDeliverySchema,
      { endpoint: id, ...(page.cursor ? { id: { $lt: page.cursor } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    return toCursorPage(rows, page.limit, WebhookDeliveryView.from);
  }

  /** Sends the same event again (same body and event id, a fresh signature), whatever became of it before. */
  async replay(actor: Actor, id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const delivery = await this.em.fork().transactional(async (tx) => {
      const endpoint = await this.find(tx, actor, id);
      if (!endpoint.active) throw endpointPaused();
      const found = await tx.findOne(WebhookDeliverySchema, { id: deliveryId, endpoint: id });
      if (!found) throw new NotFoundException('Delivery not found');
      found.replays += 1;
      found.status = 'pending';
      await this.record(tx, actor, 'webhook.delivery_replayed', endpoint, { deliveryId, eventId: found.eventId });
      await tx.flush();
      return found;
    });
    await this.deliveries.enqueue(delivery.id, `${delivery.id}-replay-${delivery.replays}`).catch(() => {
      throw deliveryQueueUnavailable();
    });
    return WebhookDeliveryView.from(delivery);
  }

  private async find(em: EntityManager, actor: Actor, id: string): Promise<WebhookEndpoint> {
    const endpoint = await em.findOne(WebhookEndpointSchema, { id, agency: actor.agencyId, deletedAt: null });
    if (!endpoint) throw new NotFoundException('Webhook endpoint not found');
    return endpoint;
  }

  /** Partner systems are reached over HTTPS; plain HTTP only in development or when WEBHOOK_ALLOW_HTTP says so. */
  private assertScheme(url: string): void {
    if (new URL(url).protocol === 'https:' || this.config.webhooks.allowHttp) return;
    throw new InvalidInputException([fieldError(['url'], 'url must use https')]);
  }

  private record(tx: EntityManager, actor: Actor, action: string, endpoint: WebhookEndpoint, extra = {}) {
    return this.audit.append(tx, {
      stream: agencyStream(actor.agencyId),
      action,
      subjectType: 'webhook_endpoint',
      subjectId: endpoint.id,
      actor,
      data: { url: endpoint.url, events: endpoint.events, active: endpoint.active, ...extra },
    });
  }
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
