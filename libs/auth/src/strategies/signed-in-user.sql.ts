import { sql, type Sql } from '@liaison/data';

/** What every authenticated call needs of its user, camelCase. */
export function signedInUserSql(userId: string): Sql {
  return sql`select id, agency_id as "agencyId", roles, platform_admin as "platformAdmin", active from app_user where id = ${userId}`;
}
