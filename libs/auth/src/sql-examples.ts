import { EXAMPLE_IDS, type SqlExample } from '@liaison/data';
import { signedInUserSql } from './strategies/signed-in-user.sql';

export const SQL_EXAMPLES: SqlExample[] = [{ name: 'signed-in-user', statement: signedInUserSql(EXAMPLE_IDS.user) }];
