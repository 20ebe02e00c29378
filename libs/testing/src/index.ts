export { eventually } from './eventually';
export { TEST_PASSWORD, createAgency, createRequest, createTaskForce, createUser } from './factories';
export { createScratchDatabase, dropRedisKeys, dropScratchDatabase } from './scratch-database';
export { prepareTestEnvironment, type TestEnvironment } from './test-environment';
export { APP_DATABASE_ROLE, asApplicationRole, ownerDatabaseUrl, withAdminClient } from './test-servers';
