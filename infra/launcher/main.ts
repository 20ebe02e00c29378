import type { ChildProcess } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { ensureDatabase, migrateDatabase, WORKER_DATABASE_ROLE } from '@liaison/data';
import {
  ed25519PublicKeyOf,
  exitOnInvalidEnvironment,
  isSet,
  loadConfig,
  readSettings,
  withDefaults,
  type LiaisonConfig,
} from '@liaison/platform';
import { ensureAppsBuilt } from '../build/app-build';
import { startApp, stopChild } from './app-process';
import { applicationRoleUrl, enableApplicationRole } from './application-role';
import { seedDemo, type DemoLogin } from './demo-seed';
import { developmentSecrets, type DevelopmentSecrets } from './development-secrets';
import { startEmbeddedDatabase } from './embedded-database';
import { findOrStartRedis } from './redis-server';
import { ensureWebConsoleBuilt } from './web-console-build';

/**
 * `npm start`: PostgreSQL (DATABASE_URL, or an embedded one) and Redis (REDIS_URL, the machine's, or one it
 * starts), migrations, the demo seed, the web console's and the apps' builds when missing or stale, then the api
 * (which serves the console) and the worker until Ctrl-C.
 */
const root = resolve(__dirname, '..', '..');
const dataRoot = join(root, '.data');
const cleanups: Array<() => Promise<void>> = [];
const apps: ChildProcess[] = [];
let stopping = false;

async function main(): Promise<void> {
  const started = Date.now();
  const secrets = developmentSecrets(dataRoot);
  const env: NodeJS.ProcessEnv = withDefaults(process.env, {
    NODE_ENV: 'development',
    // The development shortcuts, for this launcher and what it starts only: the apps refuse them anywhere else.
    LIAISON_DEVELOPMENT: '1',
    // The demo accounts sign in with their password alone, so that the README's walk-through stays short.
    SECOND_FACTOR_EXEMPTIONS: '1',
    LOG_PRETTY: '1',
    JWT_SECRET: secrets.jwtSecret,
    AUDIT_SIGNING_KEY: secrets.auditSigningKey,
    LIAISON_MASTER_KEY: secrets.masterKey,
    // Without SMTP_HOST the worker writes each e-mail as an .eml file here (open it with any mail client).
    MAIL_DIR: join(dataRoot, 'mail'),
  });
  exitOnInvalidEnvironment('launcher', env);
  env['AUDIT_PUBLIC_KEY'] ||= ed25519PublicKeyOf(env['AUDIT_SIGNING_KEY'] as string);
  const consoleBuilt = buildWebConsole(); // meanwhile: it needs neither database nor Redis
  const appsBuilt = ensureAppsBuilt(step);
  const { EMBEDDED_POSTGRES_PORT, LIAISON_DEMO_PASSWORD: password } = readSettings(['launcher'], env);
  if (!isSet(env, 'DATABASE_URL')) {
    step('starting embedded PostgreSQL (data in .data/postgres)');
    const database = await startEmbeddedDatabase(dataRoot, EMBEDDED_POSTGRES_PORT);
    cleanups.push(database.stop);
    env['DATABASE_URL'] = database.url;
  }
  if (!isSet(env, 'REDIS_URL')) {
    const redis = await findOrStartRedis(dataRoot);
    if (redis.process) cleanups.push(() => stopChild(redis.process as ChildProcess));
    step(redis.process ? `started redis-server at ${redis.url}` : `using Redis at ${redis.url}`);
    env['REDIS_URL'] = redis.url;
  }
  const config = loadConfig(env);
  const ownerUrl = config.migrationDatabaseUrl;
  step('applying migrations');
  await ensureDatabase(ownerUrl);
  const applied = await migrateDatabase(ownerUrl);
  step(applied.length ? `applied ${applied.length} migration(s)` : 'schema up to date');
  const logins = await seedDemo(ownerUrl, password);
  const workerEnv = await runAppsAsApplicationRole(env, config, secrets);
  const webConsole = await consoleBuilt;
  await appsBuilt;

  // the api only checks checkpoints: the key that signs them stays in the worker
  apps.push(startApp('api', { ...env, AUDIT_SIGNING_KEY: undefined }), startApp('worker', workerEnv));
  for (const app of apps) app.once('exit', (code) => !stopping && void shutdown(`an app exited (code ${code})`, 1));
  await waitUntilHealthy(config.port);
  banner(config, logins, password, (Date.now() - started) / 1000, mailInfo(env), webConsole);
}

/**
 * The api connects as `liaison_app` (no UPDATE/DELETE on the audit trail, no INSERT of checkpoints), the worker as
 * `liaison_worker` (the same, plus adding checkpoints), migrations and seed as the owner. Answers the worker's
 * environment. When both MIGRATION_DATABASE_URL and DATABASE_URL are given, they are used as they are, by both.
 */
async function runAppsAsApplicationRole(
  env: NodeJS.ProcessEnv,
  config: LiaisonConfig,
  secrets: DevelopmentSecrets,
): Promise<NodeJS.ProcessEnv> {
  if (isSet(process.env, 'MIGRATION_DATABASE_URL') && isSet(process.env, 'DATABASE_URL')) return env;
  const ownerUrl = config.migrationDatabaseUrl;
  const appPassword = config.databaseAppPassword ?? secrets.databaseAppPassword;
  const workerPassword = config.databaseWorkerPassword ?? secrets.databaseWorkerPassword;
  await enableApplicationRole(ownerUrl, appPassword);
  await enableApplicationRole(ownerUrl, workerPassword, WORKER_DATABASE_ROLE);
  env['MIGRATION_DATABASE_URL'] = ownerUrl;
  env['DATABASE_URL'] = applicationRoleUrl(ownerUrl, appPassword);
  return { ...env, DATABASE_URL: applicationRoleUrl(ownerUrl, workerPassword, WORKER_DATABASE_ROLE) };
}

/** The console is a convenience: if its build fails, the API still starts and the banner says why. */
async function buildWebConsole(): Promise<boolean> {
  try {
    await ensureWebConsoleBuilt(step);
    return true;
  } catch (error) {
    step(`the web console could not be built, serving the API only: ${(error as Error).message}`);
    return false;
  }
}

async function waitUntilHealthy(port: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const healthy = await fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  throw new Error(`the api did not become healthy on port ${port}`);
}

/** Where development e-mail goes: the SMTP server given, or the folder of .eml files. */
function mailInfo(env: NodeJS.ProcessEnv): string {
  const { SMTP_HOST, SMTP_PORT, MAIL_DIR } = readSettings(['email'], env);
  if (SMTP_HOST) return `smtp://${SMTP_HOST}:${SMTP_PORT}`;
  return `${relative(root, MAIL_DIR) || '.'} (one .eml file per message)`;
}

function banner(
  { port, metrics }: LiaisonConfig,
  logins: DemoLogin[],
  password: string,
  seconds: number,
  mail: string,
  webConsole: boolean,
): void {
  const width = Math.max(...logins.map((login) => login.email.length));
  const rows = logins.map((login) => `  ${login.email.padEnd(width)}  ${login.roles.padEnd(22)}  ${login.agency}`);
  console.log(
    [
      '',
      `Liaison is ready in ${seconds.toFixed(1)} s`,
      `  Console  ${webConsole ? `http://localhost:${port}/` : 'not built (see above): API only'}`,
      `  API      http://localhost:${port}/v1`,
      `  OpenAPI  http://localhost:${port}/docs`,
      `  Health   http://localhost:${port}/health`,
      `  Metrics  ${metrics.port ? `http://${metrics.host}:${metrics.port}/metrics` : 'not served (METRICS_PORT=0)'}`,
      `  Mail     ${mail}`,
      '',
      `Demo accounts (password: ${password}):`,
      ...rows,
      '',
      `Try: curl -s localhost:${port}/v1/auth/login -H 'content-type: application/json' \\`,
      `       -d '{"email":"${logins[1]?.email}","password":"${password}"}'`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

async function shutdown(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  step(`stopping (${reason})`);
  await Promise.all(apps.map((app) => stopChild(app)));
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  step('stopped');
  process.exit(code);
}

function step(message: string): void {
  console.log(`liaison: ${message}`);
}

// embedded-postgres installs exit hooks that stop PostgreSQL and exit at once, cutting the orderly shutdown
// short (apps first, then Redis and PostgreSQL); this launcher stops everything itself.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
process.on('SIGINT', () => void shutdown('Ctrl-C', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown('start-up failed', 1);
});
