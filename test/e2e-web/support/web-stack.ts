import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTestEnvironment, type TestEnvironment } from '@liaison/testing';
import { seedDemo, type DemoLogin } from '../../../infra/launcher/demo-seed';
import { LOCAL_RECEIVERS } from '../../e2e/support/webhook-receiver';
import { spawnWorker, type WorkerProcess } from '../../fault/support/worker-process';
import { spawnApi } from './api-process';
import { launchBrowser, type ConsoleBrowser } from './browser';
import { consoleBuiltForThisRun } from './console-build';
import { freePort } from '../../fault/support/free-port';
import { stackClient, type StackClient } from './stack-client';

export const DEMO_PASSWORD = 'liaison-demo-2026';

export interface WebStack {
  /** Where the api serves the console and the API: `http://127.0.0.1:<port>`. */
  baseUrl: string;
  environment: TestEnvironment;
  logins: DemoLogin[];
  /** The public API as a demo user, for arranging what the browser then shows. */
  client: StackClient;
  browser: ConsoleBrowser;
  /** Where the worker writes each e-mail as an `.eml` file (no SMTP server in these suites). */
  mailDir: string;
  close: () => Promise<void>;
}

export interface WebStackOptions {
  /** Extra environment for the api and the worker. */
  env?: Record<string, string>;
}

/**
 * What `npm start` runs, on this test file's own database: the demo seed, the console built and served by an api
 * process, a worker process, and a headless Chromium. One per spec file (beforeAll), shared by its tests.
 */
export async function startWebStack(options: WebStackOptions = {}): Promise<WebStack> {
  const [environment] = await Promise.all([prepareTestEnvironment(), consoleBuiltForThisRun()]);
  const logins = await seedDemo(environment.ownerDatabaseUrl, DEMO_PASSWORD);
  const mailDir = mkdtempSync(join(tmpdir(), 'liaison-web-mail-'));
  const port = await freePort();
  const env = appEnvironment(environment, mailDir, port, options.env);
  const stops: Array<() => Promise<void>> = [];
  try {
    const api = await spawnApi(env, port);
    stops.push(api.stop);
    const worker = await spawnWorker({ ...env, DATABASE_URL: environment.workerDatabaseUrl });
    stops.push(() => stopWorker(worker));
    const baseUrl = `http://127.0.0.1:${port}`;
    const browser = await launchBrowser(baseUrl);
    stops.push(browser.close);
    return {
      baseUrl,
      environment,
      logins,
      client: stackClient(baseUrl, DEMO_PASSWORD),
      browser,
      mailDir,
      close: async () => {
        await stopAll(stops);
        rmSync(mailDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

function appEnvironment(
  environment: TestEnvironment,
  mailDir: string,
  port: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    MIGRATION_DATABASE_URL: environment.ownerDatabaseUrl,
    REDIS_URL: environment.redisUrl,
    QUEUE_PREFIX: environment.queuePrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SIGNING_KEY: process.env['AUDIT_SIGNING_KEY'] as string,
    AUDIT_PUBLIC_KEY: process.env['AUDIT_PUBLIC_KEY'] as string,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // passkeys need a host name (an address is no relying party id): the passkey suite opens the console there
    WEBAUTHN_ORIGIN: `http://localhost:${port}`,
    MAIL_DIR: mailDir,
    // One browser signs in as many users from one address, and the board polls: not what the limits are for.
    RATE_LIMIT_PER_MINUTE: '100000',
    OUTBOX_POLL_MS: '300',
    WORKER_LOCK_MS: '2000',
    WEBHOOK_BACKOFF_MS: '200',
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1',
    ...LOCAL_RECEIVERS,
    ...extra,
  };
}

/** The browser first, then the apps together; each one even if another fails. */
async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  const [browser, ...apps] = [...stops].reverse();
  await browser?.().catch(() => undefined);
  await Promise.all(apps.map((stop) => stop().catch(() => undefined)));
}

/** SIGTERM lets it finish its jobs; a worker still running after 10 s is killed. */
async function stopWorker(worker: WorkerProcess): Promise<void> {
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), 10_000);
  await worker.kill('SIGTERM');
  clearTimeout(timer);
}
