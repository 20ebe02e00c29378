import { Client } from 'pg';
import { AuditEventSchema } from '@liaison/data';
import { verifyWebhookSignature } from '@liaison/notifications';
import { eventually } from '@liaison/testing';
import { bearer, startApi, type ApiHarness } from './support/api-harness';
import { createCast, createMlaUnderReview, transition, type Cast } from './support/notification-cast';
import { startNotificationsWorker, type WorkerHarness } from './support/notifications-worker';
import {
  LOCAL_RECEIVERS,
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from './support/webhook-receiver';

/**
 * Webhook secrets at rest and their rotation, through the real api, worker and a local receiver: the table holds
 * no secret in clear, and a rotated endpoint's deliveries carry both signatures for the overlap window, then the
 * new one only.
 */
describe('webhook secrets (e2e)', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let receiver: WebhookReceiver;
  let cast: Cast;
  let owner: Client;
  let endpointId: string;
  let firstSecret: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startApi({
      OUTBOX_POLL_MS: '500',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_SECRET_OVERLAP_HOURS: '24',
      ...LOCAL_RECEIVERS,
    });
    worker = await startNotificationsWorker();
    cast = await createCast(api);
    owner = new Client({ connectionString: api.environment.ownerDatabaseUrl });
    await owner.connect();
    const created = await api
      .http()
      .post('/v1/webhooks')
      .auth(cast.tokens.nepalAdmin, bearer)
      .send({ url: receiver.url, events: ['request.approve'] })
      .expect(201);
    endpointId = created.body.id;
    firstSecret = created.body.secret;
  });

  afterAll(async () => {
    await owner?.end();
    await worker?.close();
    await api?.close();
    await receiver?.close();
  });

  /** The whole row as text, every column, as anyone with read access to the table sees it. */
  async function rowText(): Promise<string> {
    const { rows } = await owner.query<{ row: string }>(
      `select row_to_json(e)::text as row from webhook_endpoint e where id = $1`,
      [endpointId],
    );
    return rows[0].row;
  }

  /** One approval, and the webhook it causes. */
  async function deliveryOfAnApproval(): Promise<ReceivedWebhook> {
    const before = receiver.received.length;
    const request = await createMlaUnderReview(api.em(), cast);
    await transition(api, cast.tokens.indiaSupervisor, request.id, 'approve').expect(200);
    return eventually(() => {
      expect(receiver.received).toHaveLength(before + 1);
      return receiver.received[before];
    });
  }

  const signatures = (webhook: ReceivedWebhook) => String(webhook.headers['liaison-signature']);
  const verifies = (secret: string, webhook: ReceivedWebhook) =>
    verifyWebhookSignature(secret, signatures(webhook), webhook.body);

  it('keeps the secret encrypted in the table: no column holds it, or any part of it, in clear', async () => {
    const text = await rowText();
    expect(text).not.toContain(firstSecret);
    expect(text).not.toContain(firstSecret.slice('whsec_'.length, 'whsec_'.length + 12));
    expect(text).not.toContain(Buffer.from(firstSecret).toString('hex'));
    const webhook = await deliveryOfAnApproval();
    expect(verifies(firstSecret, webhook)).toBe(true);
  });

  it('rotates for the agency ADMIN only, shows the new secret once, and audits it without the secrets', async () => {
    const path = `/v1/webhooks/${endpointId}/secret/rotate`;
    await api.http().post(path).auth(cast.tokens.nepalOfficer, bearer).expect(403);
    await api.http().post(path).auth(cast.tokens.indiaAdmin, bearer).expect(404);
    const rotated = await api.http().post(path).auth(cast.tokens.nepalAdmin, bearer).expect(200);
    const secret = rotated.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(firstSecret);
    expect(Date.parse(rotated.body.previousSecretValidUntil) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const shown = await api.http().get(`/v1/webhooks/${endpointId}`).auth(cast.tokens.nepalAdmin, bearer).expect(200);
    expect(JSON.stringify(shown.body)).not.toContain(secret);
    const text = await rowText();
    expect(text).not.toContain(secret);
    expect(text).not.toContain(firstSecret);
    const [entry] = await api.em().find(AuditEventSchema, { action: 'webhook.secret_rotated', subjectId: endpointId });
    expect(entry.stream).toBe(`agency:${cast.nepal.id}`);
    expect(JSON.stringify(entry.data)).not.toContain(secret);
    expect(JSON.stringify(entry.data)).not.toContain(firstSecret);

    // during the window every delivery carries both signatures: the partner switches when it likes
    const during = await deliveryOfAnApproval();
    expect(signatures(during)).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifies(secret, during)).toBe(true);
    expect(verifies(firstSecret, during)).toBe(true);

    // the window has passed (the rotation moved 25 hours back): the new signature only
    await owner.query(`update webhook_endpoint set secret_rotated_at = now() - interval '25 hours' where id = $1`, [
      endpointId,
    ]);
    const after = await deliveryOfAnApproval();
    expect(signatures(after)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifies(secret, after)).toBe(true);
    expect(verifies(firstSecret, after)).toBe(false);
  });
});
