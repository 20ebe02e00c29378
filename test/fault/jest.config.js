// Fault-injection suites (worker killed, Redis stopped, partner failing): `npm run test:fault`.
// They run real processes and wait on real outages (the Redis one for 30 s), so they are kept out of the
// default run unless the whole suite stays well under its time budget.
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
