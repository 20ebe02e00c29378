export { eventually } from './eventually';
export {
  TEST_PASSWORD,
  createAgency,
  createRequest,
  createTaskForce,
  createUser,
  type RequestOptions,
} from './factories';
export { prepareTestEnvironment, type TestEnvironment } from './test-environment';
