export * from './entities';
export { MIGRATIONS_PATH, ormConfig } from './orm-config';
export { ensureDatabase, migrateDatabase } from './database-admin';
export { APP_DATABASE_ROLE, WORKER_DATABASE_ROLE } from './database-roles';
export { createDatabaseSql, dropDatabaseSql, enableLoginSql, PING_SQL } from './database-admin.sql';
export { DatabaseModule } from './database.module';
export { empty, identifier, join, list, literal, quoteIdentifier, raw, sql, Sql, type SqlValue } from './sql/sql';
export {
  eventBeyondRequestingSideSql,
  inLinkedTaskForceSql,
  internalStateSql,
  sentOutSql,
  visibleToUserSql,
} from './sql/request-visibility.sql';
export { runSql } from './sql/run-sql';
export { transactionLockSql, tryTransactionLockSql } from './sql/transaction-lock.sql';
export { EXAMPLE_IDS, EXAMPLE_TIME, renderSqlExample, type SqlExample } from './sql/sql-example';
export {
  idempotentAnswerSql,
  recordIdempotentAnswer,
  withIdempotencyClaim,
  type IdempotencyClaim,
} from './idempotency/idempotency-claim';
export {
  answerClaimSql,
  claimKeySql,
  releaseClaimSql,
  storeAnswerSql,
  type IdempotencyLimits,
} from './idempotency/idempotency.sql';
export type { IdempotentResource } from './idempotency/idempotent-resource';
