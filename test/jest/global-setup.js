// Once per `npm test`: a template database migrated to the latest schema, cloned by each jest worker.
const { execFileSync } = require('node:child_process');
const { resolve } = require('node:path');
const { databaseUrl, templateName } = require('./test-run');

module.exports = async () => {
  if (process.env.LIAISON_TEST_TEMPLATE) return; // jest calls global set-ups once per project
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const template = templateName(run);
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/migrate.ts'], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, DATABASE_URL: databaseUrl(template), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Inherited by the jest workers, which are started after this.
  process.env.LIAISON_TEST_RUN = run;
  process.env.LIAISON_TEST_TEMPLATE = template;
};
