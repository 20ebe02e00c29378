// One jest run for the whole workspace: every project below runs in parallel workers, each worker on its
// own PostgreSQL database and Redis key prefix (see libs/testing).
const { availableParallelism } = require('node:os');
const preset = require('./jest.preset');

const project = (name, testMatch) => ({ ...preset, displayName: name, rootDir: __dirname, testMatch });
const lib = (name) => project(name, [`<rootDir>/libs/${name}/src/**/*.spec.ts`]);

module.exports = {
  cacheDirectory: '<rootDir>/.cache/jest',
  globalSetup: '<rootDir>/test/jest/global-setup.js',
  globalTeardown: '<rootDir>/test/jest/global-teardown.js',
  testTimeout: 30000,
  // jest's default (cores - 1) would run one worker on a 2-core machine; the suites wait on I/O, not CPU.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    lib('domain'),
    lib('platform'),
    lib('data'),
    lib('auth'),
    lib('agencies'),
    lib('notifications'),
    lib('audit'),
    lib('requests'),
    lib('workflow'),
    // one feature module booted without HTTP on the worker's database and Redis prefix (libs/testing's mediumTest)
    project('medium', ['<rootDir>/libs/**/*.medium-spec.ts']),
    project('api', ['<rootDir>/apps/api/src/**/*.spec.ts']),
    // the console's pure helpers (draft values, time left, filters, workflow layout), without a browser
    project('web', ['<rootDir>/apps/web/src/**/*.spec.ts']),
    project('worker', ['<rootDir>/apps/worker/src/**/*.spec.ts']),
    project('infra', ['<rootDir>/infra/**/*.spec.ts']),
    project('e2e', ['<rootDir>/test/e2e/**/*.e2e-spec.ts']),
    // real processes killed, Redis stopped and restarted, a partner failing: about a minute, run with the rest
    project('fault', ['<rootDir>/test/fault/**/*.fault-spec.ts']),
    // two apis and two workers on one machine, thousands of transitions with webhooks
    project('scale', ['<rootDir>/test/scale/**/*.scale-spec.ts']),
    // the access matrix from the OpenAPI document, generated malformed input, token tampering
    project('attack', ['<rootDir>/test/attack/**/*.attack-spec.ts']),
    // the web console in Debian's Chromium through playwright-core, against api + worker processes
    project('e2e-web', ['<rootDir>/test/e2e-web/**/*.web-spec.ts']),
  ],
};
