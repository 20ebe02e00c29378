export { AgenciesModule } from './agencies.module';
// the board's SQL, for its benchmark (test/bench/search/explain-board.ts)
export { boardSql } from './task-forces';
export { createAccountLink, type NewAccountLink } from './accounts/account-link-token';
export {
  BOOTSTRAP_LINK_MINUTES,
  bootstrapPlatformAdmin,
  type BootstrapResult,
  type PlatformAdminBootstrap,
} from './accounts/platform-admin-bootstrap';
