export { eventually } from './eventually';
export {
  TEST_PASSWORD,
  createAgency,
  createRequest,
  createTaskForce,
  createUser,
  type RequestOptions,
} from './factories';
export { APP_DATABASE_ROLE, prepareTestEnvironment, type TestEnvironment } from './test-environment';
