// Fault-injection suites (worker killed, Redis stopped, partner failing, PostgreSQL restarted, api killed):
// `npm run test:fault` alone; they also run with the rest of `npm test` (the root jest project `fault`).
// They run real processes and wait on real outages (the Redis one for 30 s).
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  rootDir: '../..',
  displayName: 'fault',
  testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
  cacheDirectory: '<rootDir>/.cache/jest',
  globalSetup: '<rootDir>/test/jest/global-setup.js',
  globalTeardown: '<rootDir>/test/jest/global-teardown.js',
  testTimeout: 240000,
  maxWorkers: 3,
};
