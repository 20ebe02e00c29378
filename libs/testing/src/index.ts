export { eventually } from './eventually';
export { TEST_PASSWORD, createAgency, createUser } from './factories';
export { prepareTestEnvironment, type TestEnvironment } from './test-environment';
