export { eventually } from './eventually';
export {
  TEST_PASSWORD,
  createAgency,
  createRequest,
  createTaskForce,
  createUser,
  sealRequest,
  sealedRequestColumns,
  type RequestOptions,
} from './factories';
export { mediumTest, type MediumFactory, type MediumTest, type MediumTestOptions } from './medium-test';
export { createScratchDatabase, dropRedisKeys, dropScratchDatabase } from './scratch-database';
export { prepareTestEnvironment, type TestEnvironment } from './test-environment';
export {
  asApplicationRole,
  asWorkerEnvironment,
  asWorkerRole,
  ownerDatabaseUrl,
  withAdminClient,
} from './test-servers';
