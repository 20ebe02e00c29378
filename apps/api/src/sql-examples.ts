import { EXAMPLE_IDS, type SqlExample } from '@liaison/data';
import { claimKeySql } from './http/idempotency.sql';

export const SQL_EXAMPLES: SqlExample[] = [
  {
    name: 'claim-idempotency-key',
    statement: claimKeySql(
      { id: EXAMPLE_IDS.fresh, userId: EXAMPLE_IDS.user, key: 'retry-1', fingerprint: 'f'.repeat(64) },
      60,
    ),
  },
];
