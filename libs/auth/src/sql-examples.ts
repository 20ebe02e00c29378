import { EXAMPLE_IDS, type SqlExample } from '@liaison/data';
import { stepUpStateSql } from './step-up/step-up.sql';
import { signedInUserSql } from './strategies/signed-in-user.sql';

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'signed-in-user', statement: signedInUserSql(EXAMPLE_IDS.user) },
  { name: 'step-up-state', statement: stepUpStateSql(EXAMPLE_IDS.user, EXAMPLE_IDS.fresh) },
];
