// Once per `npm test`: the apps compiled when a source changed (the fault, scale and browser suites run them as
// `npm start` does), and a template database migrated to the latest schema, cloned by each jest worker.
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { resolve } = require('node:path');
const { Client } = require('pg');
const { adminUrl, databaseUrl, templateName } = require('./test-run');

module.exports = async () => {
  if (process.env.LIAISON_TEST_TEMPLATE) return; // jest calls global set-ups once per project
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const template = templateName(run);
  useRunEnvironment();
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/build-apps.ts'], {
    cwd: resolve(__dirname, '../..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/migrate.ts'], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, DATABASE_URL: databaseUrl(template), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await allowApplicationRoleToLogIn();
  // Inherited by the jest workers, which are started after this.
  process.env.LIAISON_TEST_RUN = run;
  process.env.LIAISON_TEST_TEMPLATE = template;
};

/**
 * The suites run without the development setting (LIAISON_DEVELOPMENT), as a deployment does: secrets of this run's
 * own, inherited by the workers and every app they start (libs/testing adds a signing key per worker). Webhook
 * receivers in the tests are local http servers.
 */
function useRunEnvironment() {
  process.env.JWT_SECRET ||= randomBytes(48).toString('base64url');
  process.env.LIAISON_MASTER_KEY ||= randomBytes(32).toString('base64');
  process.env.WEBHOOK_ALLOW_HTTP ||= '1';
  // The factories' accounts are exempt from the second factor (the suites sign in with a password); the suites of
  // the second factor use accounts that are not.
  process.env.SECOND_FACTOR_EXEMPTIONS ||= '1';
  // Many apis run at once: none serves /metrics unless its suite gives it a port of its own.
  process.env.METRICS_PORT ||= '0';
}

/**
 * The apps run as `liaison_app` (the worker as `liaison_worker`, which adds checkpoints) in the tests too
 * (libs/testing connects as them), so the tests prove their limits. The
 * migrations create it without LOGIN; a password is set only when the server asks for one (trust needs none, and
 * leaving it alone spares a developer's other databases on the same server).
 */
async function allowApplicationRoleToLogIn() {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const needsPassword = new URL(adminUrl()).password !== '';
    const password = process.env.TEST_DATABASE_APP_PASSWORD ?? 'liaison-app-test';
    for (const role of ['liaison_app', 'liaison_worker']) {
      await client.query(
        needsPassword
          ? `ALTER ROLE ${role} LOGIN PASSWORD '${password.replace(/'/g, "''")}'`
          : `ALTER ROLE ${role} LOGIN`,
      );
    }
  } finally {
    await client.end();
  }
}
