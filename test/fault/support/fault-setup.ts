import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestEnvironment } from '@liaison/testing';
import type { ApiHarness } from '../../e2e/support/api-harness';
import { createMlaUnderReview, transition, type Cast } from '../../e2e/support/notification-cast';
import { LOCAL_RECEIVERS } from '../../e2e/support/webhook-receiver';
import { concurrently } from './concurrently';

/** The worker child's environment: the test's database and queues, quick stall detection and retries, local receivers. */
export function workerEnv(api: ApiHarness, overrides: Record<string, string> = {}): Record<string, string> {
  return workerEnvOf(api.environment, overrides);
}

export function workerEnvOf(
  environment: TestEnvironment,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: environment.workerDatabaseUrl,
    REDIS_URL: environment.redisUrl,
    QUEUE_PREFIX: environment.queuePrefix,
    WORKER_LOCK_MS: '2000',
    OUTBOX_POLL_MS: '500',
    WEBHOOK_BACKOFF_MS: '200',
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'liaison-mail-')),
    ...LOCAL_RECEIVERS,
    ...overrides,
  };
}

export async function registerWebhook(api: ApiHarness, cast: Cast, url: string): Promise<string> {
  const response = await api
    .http()
    .post('/v1/webhooks')
    .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
    .send({ url, events: ['request.approve'] })
    .expect(201);
  return response.body.id as string;
}

export async function requestsUnderReview(api: ApiHarness, cast: Cast, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push((await createMlaUnderReview(api.em(), cast)).id);
  return ids;
}

/** Approves every request through the API, 20 at a time; returns the HTTP statuses. */
export function approveAll(api: ApiHarness, cast: Cast, ids: string[]): Promise<number[]> {
  return concurrently(
    ids,
    20,
    async (id) => (await transition(api, cast.tokens.indiaSupervisor, id, 'approve')).status,
  );
}
