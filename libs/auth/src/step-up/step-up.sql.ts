import { sql, type Sql } from '@liaison/data';

/** What step-up needs of the caller: whether the second factor is due for them, and their session's last one. */
export function stepUpStateSql(userId: string, sessionId: string | null): Sql {
  return sql`select u.roles, u.platform_admin as "platformAdmin", u.second_factor_exempt as "secondFactorExempt",
  s.second_factor_at as "secondFactorAt"
  from app_user u left join auth_session s on s.id = ${sessionId} and s.user_id = u.id and s.revoked_at is null
  where u.id = ${userId}`;
}
