import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { runSql } from '@liaison/data';
import { NoticeSource } from '../dispatch/notice-source';
import { isJobId, type Notice, type WebhookJobData } from '../queues/queue-names';
import { deliveryIdFor } from './webhook-delivery-id';
import { webhookEventOf, type WebhookEvent } from './webhook-event';
import { deliveryEndpointSql } from './webhooks.sql';

export interface EndpointOfJob {
  id: string;
  agency_id: string;
  events: string[];
}

/**
 * The event a first delivery's job stands for, rebuilt from PostgreSQL: the committed outbox row it names, the
 * request as it stands and the endpoint. Null when the ids do not belong together, so that a job added by hand
 * cannot make the worker sign an event that did not happen, or send one to an agency it was not for.
 */
@Injectable()
export class WebhookEventSource {
  constructor(private readonly notices: NoticeSource) {}

  async event(em: EntityManager, job: WebhookJobData): Promise<WebhookEvent | null> {
    if (!isJobId(job.endpointId)) return null;
    const [notice, [endpoint]] = await Promise.all([
      this.notices.notice(em, job.outboxId),
      runSql<EndpointOfJob>(em, deliveryEndpointSql(job.endpointId)),
    ]);
    if (!notice || !endpoint) return null;
    return trueEvent(notice, this.notices.agency(notice), endpoint, job.deliveryId);
  }
}

/** The notice's event, if the endpoint is its agency's, subscribed to it, and the delivery id is theirs. */
function trueEvent(
  notice: Notice,
  agencyId: string | null,
  endpoint: EndpointOfJob,
  deliveryId: string,
): WebhookEvent | null {
  const event = webhookEventOf(notice);
  const expected = endpoint.agency_id === agencyId ? deliveryIdFor(event, endpoint) : null;
  return expected !== null && expected === deliveryId ? event : null;
}
