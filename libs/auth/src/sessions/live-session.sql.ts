import { sql, type Sql } from '@liaison/data';

/** Whether the user's session is still live in PostgreSQL: what the revocation list stands for while Redis is away. */
export function liveSessionSql(userId: string, sessionId: string): Sql {
  return sql`select exists (select 1 from auth_session where id = ${sessionId} and user_id = ${userId} and revoked_at is null and expires_at > now()) as "live"`;
}
