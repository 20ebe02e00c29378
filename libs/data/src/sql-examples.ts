import { createDatabaseSql, databaseExistsSql, dropDatabaseSql, enableLoginSql, PING_SQL } from './database-admin.sql';
import { answerClaimSql, claimKeySql, releaseClaimSql, storeAnswerSql } from './idempotency/idempotency.sql';
import { EXAMPLE_IDS, type SqlExample } from './sql/sql-example';
import { transactionLockSql, tryTransactionLockSql } from './sql/transaction-lock.sql';

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'ping', statement: PING_SQL },
  { name: 'database-exists', statement: databaseExistsSql('liaison') },
  // no transaction can hold these; the launcher and the migration script run them
  { name: 'create-database', statement: createDatabaseSql('liaison "test"'), check: 'none' },
  { name: 'drop-database', statement: dropDatabaseSql('liaison "test"'), check: 'none' },
  { name: 'enable-login', statement: enableLoginSql('liaison_app', "it's \\ secret"), check: 'none' },
  { name: 'transaction-lock', statement: transactionLockSql('request:00000000-0000-7000-8000-0000000000d1') },
  { name: 'try-transaction-lock', statement: tryTransactionLockSql('liaison:audit-checkpoint-builder') },
  {
    name: 'claim-idempotency-key',
    statement: claimKeySql(
      { id: EXAMPLE_IDS.fresh, userId: EXAMPLE_IDS.user, key: 'retry-1', fingerprint: 'f'.repeat(64) },
      { abandonedAfterSeconds: 60, expiresAfterHours: 24 },
    ),
  },
  {
    name: 'answer-idempotency-claim',
    statement: answerClaimSql(EXAMPLE_IDS.fresh, 201, {
      type: 'person',
      requestId: EXAMPLE_IDS.request,
      personId: EXAMPLE_IDS.fresh,
    }),
  },
  { name: 'store-idempotent-answer', statement: storeAnswerSql(EXAMPLE_IDS.fresh, 201, { id: EXAMPLE_IDS.fresh }) },
  { name: 'release-idempotency-claim', statement: releaseClaimSql(EXAMPLE_IDS.fresh) },
];
