import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, type Queue } from 'bullmq';
import { uuidv7 } from 'uuidv7';
import type { Agency, Request, User } from '@liaison/data';
import { MasterKeyring, sha256Hex } from '@liaison/platform';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { sealAccountLinkToken } from '../account-links/account-link-box';
import { OutboxListener } from '../relay/outbox-listener';
import { EMAIL_QUEUE, EmailJob, WEBHOOKS_QUEUE, WebhookJob, type QueueName } from '../queues/queue-names';
import { webhookDeliveryId } from '../webhooks/webhook-delivery-id';
import { verifyWebhookSignature } from '../webhooks/webhook-signature';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WebhooksService } from '../webhooks/webhooks.service';
import { QueueWorkers } from '../workers/queue-workers';
import { EmailProcessor, WebhookProcessor } from './channel.processors';
import { NotificationProcessorsModule } from './notification-processors.module';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Someone who can write to Redis (the queue board's "add job", a shell on the network) adds jobs by hand with the
 * real job names: what the processors send must still be what PostgreSQL says happened, to whom it happened.
 */
describe('jobs added to the queues by hand (medium)', () => {
  let harness: MediumTest;
  let server: Server;
  let url: string;
  let mailDir: string;
  const received: Received[] = [];
  let india: Agency;
  let nepal: Agency;
  let nepalOfficer: User;
  let thaiOfficer: User;
  let request: Request;
  let nepalHook: { id: string; secret: string };
  let indiaHook: { id: string; secret: string };
  let outboxId: string;
  let historyId: string;

  beforeAll(async () => {
    server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        received.push({ headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    mailDir = await mkdtemp(join(tmpdir(), 'liaison-forged-mail-'));
    harness = await mediumTest({
      imports: [NotificationProcessorsModule, WebhooksModule],
      overrides: [
        [QueueWorkers, {}],
        [OutboxListener, {}],
      ],
      env: { DEADLINE_RECONCILE_MS: '0', MAIL_DIR: mailDir, WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' },
    });
    india = await harness.factory.agency({ country: 'IN' });
    nepal = await harness.factory.agency({ country: 'NP' });
    const thailand = await harness.factory.agency({ country: 'TH' });
    const indiaOfficer = await harness.factory.user(india, { roles: ['OFFICER'] });
    nepalOfficer = await harness.factory.user(nepal, { roles: ['OFFICER'] });
    thaiOfficer = await harness.factory.user(thailand, { roles: ['OFFICER'] });
    nepalHook = await register(nepal, await harness.factory.user(nepal, { roles: ['ADMIN'] }));
    indiaHook = await register(india, await harness.factory.user(india, { roles: ['ADMIN'] }));
    request = await harness.factory.request({
      requesting: india,
      requested: nepal,
      createdBy: indiaOfficer,
      state: 'transmitted',
    });
    ({ outboxId, historyId } = await committedApproval(request));
  });

  afterAll(async () => {
    await harness?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await rm(mailDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    received.length = 0;
    await harness.sql('delete from webhook_delivery');
    await rm(mailDir, { recursive: true, force: true });
  });

  async function register(agency: Agency, admin: User): Promise<{ id: string; secret: string }> {
    const actor = { userId: admin.id, agencyId: agency.id, roles: ['ADMIN' as const], platformAdmin: false };
    const created = await harness.get(WebhooksService).create(actor, { url, events: ['*'] });
    return { id: created.id, secret: created.secret };
  }

  /** What the write path commits when India's supervisor approves: a notice to Nepal's officers, already relayed. */
  async function committedApproval(about: Request): Promise<{ outboxId: string; historyId: string }> {
    const id = uuidv7();
    const history = uuidv7();
    const payload = {
      requestId: about.id,
      reference: about.reference,
      kind: 'mla',
      requestingAgencyId: india.id,
      requestedAgencyId: nepal.id,
      event: 'approve',
      from: 'under_review',
      to: 'transmitted',
      version: 2,
      historyId: history,
      effect: {
        type: 'notify',
        recipient: { type: 'party', side: 'requested', role: 'OFFICER' },
        reason: 'counterpart',
      },
    };
    await harness.sql(
      `insert into outbox_message (id, topic, request_id, payload, created_at, published_at)
       values ($1, 'notify', $2, $3::jsonb, now(), now())`,
      [id, about.id, JSON.stringify(payload)],
    );
    return { outboxId: id, historyId: history };
  }

  const queue = (name: QueueName) => harness.get<Queue>(getQueueToken(name));

  /** Adds the job as anyone with Redis access could, then runs it the way the queue worker does. */
  async function run(name: QueueName, jobName: string, data: object): Promise<void> {
    const added = await queue(name).add(jobName, data, { jobId: uuidv7() });
    const job = (await Job.fromId(queue(name), added.id as string)) as Job;
    const processor = name === WEBHOOKS_QUEUE ? harness.get(WebhookProcessor) : harness.get(EmailProcessor);
    await processor.handlers[jobName](job);
  }

  const forgedEvent = (type: string, data: Record<string, unknown>) => ({
    id: `transition-${uuidv7()}`,
    type,
    occurredAt: new Date().toISOString(),
    data: { requestId: request.id, reference: request.reference, kind: 'mla', ...data },
  });

  const mails = async () => {
    const files = await readdir(mailDir).catch(() => [] as string[]);
    return Promise.all(files.map((file) => readFile(join(mailDir, file), 'utf8')));
  };

  it('does not deliver a forged event for a state the request never reached', async () => {
    const event = forgedEvent('request.grant', { event: 'grant', from: 'transmitted', to: 'granted', version: 9 });
    await run(WEBHOOKS_QUEUE, WebhookJob.Deliver, {
      deliveryId: webhookDeliveryId(event.id, nepalHook.id, event.occurredAt),
      endpointId: nepalHook.id,
      event,
    });

    expect(received).toEqual([]);
    expect(await harness.sql('select id from webhook_delivery')).toEqual([]);
  });

  it('sends only the true event rebuilt from the outbox row, whatever event the job carries', async () => {
    const event = forgedEvent('request.grant', { event: 'grant', from: 'transmitted', to: 'granted', version: 9 });
    const trueEventId = `transition-${historyId}`;
    const [row] = await harness.sql<{ created_at: Date }>('select created_at from outbox_message where id = $1', [
      outboxId,
    ]);
    await run(WEBHOOKS_QUEUE, WebhookJob.Deliver, {
      outboxId,
      endpointId: nepalHook.id,
      deliveryId: webhookDeliveryId(trueEventId, nepalHook.id, new Date(row.created_at).toISOString()),
      event,
    });

    expect(received).toHaveLength(1);
    const [delivered] = received;
    expect(JSON.parse(delivered.body)).toMatchObject({
      id: trueEventId,
      type: 'request.approve',
      data: { requestId: request.id, reference: request.reference, from: 'under_review', to: 'transmitted' },
    });
    expect(delivered.body).not.toContain('granted');
    expect(
      verifyWebhookSignature(nepalHook.secret, String(delivered.headers['liaison-signature']), delivered.body),
    ).toBe(true);
  });

  it('drops a job naming an endpoint of an agency the change was not for, or ids that do not belong together', async () => {
    const trueEventId = `transition-${historyId}`;
    const [row] = await harness.sql<{ created_at: Date }>('select created_at from outbox_message where id = $1', [
      outboxId,
    ]);
    const occurredAt = new Date(row.created_at).toISOString();
    // India's endpoint: the notice is for Nepal's officers
    await run(WEBHOOKS_QUEUE, WebhookJob.Deliver, {
      outboxId,
      endpointId: indiaHook.id,
      deliveryId: webhookDeliveryId(trueEventId, indiaHook.id, occurredAt),
    });
    // a delivery id that is not the one of this event and endpoint
    await run(WEBHOOKS_QUEUE, WebhookJob.Deliver, { outboxId, endpointId: nepalHook.id, deliveryId: uuidv7() });
    // an outbox row that does not exist
    const missing = uuidv7();
    await run(WEBHOOKS_QUEUE, WebhookJob.Deliver, {
      outboxId: missing,
      endpointId: nepalHook.id,
      deliveryId: webhookDeliveryId(`transition-${missing}`, nepalHook.id, occurredAt),
    });

    expect(received).toEqual([]);
    expect(await harness.sql('select id from webhook_delivery')).toEqual([]);
  });

  it('does not e-mail a forged notice, nor the true one to someone it was not for', async () => {
    const forged = {
      requestId: request.id,
      reference: 'FORGED-REFERENCE',
      kind: 'mla',
      requestingAgencyId: india.id,
      requestedAgencyId: nepal.id,
      key: `transition-${uuidv7()}`,
      recipient: { type: 'party', side: 'requested', role: 'OFFICER' },
      reason: 'counterpart',
      occurredAt: new Date().toISOString(),
      type: 'transition',
      event: 'grant',
      from: 'transmitted',
      to: 'granted',
      version: 9,
    };
    await run(EMAIL_QUEUE, EmailJob.Send, { userId: nepalOfficer.id, notice: forged });
    await run(EMAIL_QUEUE, EmailJob.Send, { outboxId, userId: thaiOfficer.id });
    expect(await mails()).toEqual([]);

    await run(EMAIL_QUEUE, EmailJob.Send, { outboxId, userId: nepalOfficer.id, notice: forged });
    const [mail, ...more] = await mails();
    expect(more).toEqual([]);
    expect(mail).toContain(request.reference);
    expect(mail).toContain(nepalOfficer.email);
    expect(mail).not.toContain('FORGED-REFERENCE');
    expect(mail).not.toContain('granted');
  });

  /** An account link as the api stores it: the token's hash, and the token sealed under the master key. */
  async function accountLink(user: User, terms: { expiresInMs: number; spent?: boolean }): Promise<string> {
    const id = uuidv7();
    const token = `token-${id}`;
    const key = harness.get(MasterKeyring).current;
    await harness.sql(
      `insert into account_link (id, created_at, updated_at, user_id, purpose, token_hash, token_sealed, token_key_id, expires_at, spent_at)
       values ($1, now(), now(), $2, 'reset', $3, $4, $5, now() + make_interval(secs => $6::int / 1000.0), $7)`,
      [
        id,
        user.id,
        sha256Hex(token),
        terms.spent ? null : sealAccountLinkToken(token, id, key),
        terms.spent ? null : key.id,
        terms.expiresInMs,
        terms.spent ? new Date() : null,
      ],
    );
    return id;
  }

  it('e-mails an account link only while it is live, and only to its own user, whatever the job carries', async () => {
    await mkdir(mailDir, { recursive: true }); // the transport made it once, for an earlier test
    const spent = await accountLink(nepalOfficer, { expiresInMs: 60_000, spent: true });
    const expired = await accountLink(nepalOfficer, { expiresInMs: -1_000 });
    for (const linkId of [spent, expired, uuidv7(), 'not-a-uuid']) {
      await run(EMAIL_QUEUE, EmailJob.AccountLink, { linkId, to: thaiOfficer.email });
    }
    expect(await mails()).toEqual([]);

    const live = await accountLink(nepalOfficer, { expiresInMs: 60_000 });
    await run(EMAIL_QUEUE, EmailJob.AccountLink, { linkId: live, to: thaiOfficer.email });
    const [mail, ...more] = await mails();
    expect(more).toEqual([]);
    expect(mail).toMatch(new RegExp(`^To: ${nepalOfficer.email}`, 'm'));
    expect(mail).not.toContain(thaiOfficer.email);
    expect(mail.replace(/=\r?\n/g, '')).toContain(`/account/reset-password#token=3Dtoken-${live}`);
  });
});
