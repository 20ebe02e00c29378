// `npm run bench:worklist`: the My work page's time to first render with 1,000 open requests, in Chromium against
// api + worker processes (the browser suites' harness). A benchmark: measured and written to README.md, not asserted.
const preset = require('../../../jest.preset');

module.exports = {
  ...preset,
  rootDir: '../../..',
  displayName: 'bench-worklist',
  testMatch: ['<rootDir>/test/bench/worklist/**/*.bench-spec.ts'],
  cacheDirectory: '<rootDir>/.cache/jest',
  globalSetup: '<rootDir>/test/jest/global-setup.js',
  globalTeardown: '<rootDir>/test/jest/global-teardown.js',
  testTimeout: 600000,
  maxWorkers: 1,
};
