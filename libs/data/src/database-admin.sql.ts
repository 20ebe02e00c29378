import { identifier, sql, type Sql } from './sql/sql';

/** One row when the database exists. */
export function databaseExistsSql(name: string): Sql {
  return sql`select 1 from pg_database where datname = ${name}`;
}

export function createDatabaseSql(name: string): Sql {
  return sql`create database ${identifier(name)}`;
}

/** Drops the database, ending its sessions. */
export function dropDatabaseSql(name: string): Sql {
  return sql`drop database if exists ${identifier(name)} with (force)`;
}

/** Lets a role log in with this password (which may hold anything: it is a literal, inlined). */
export function enableLoginSql(role: string, password: string): Sql {
  return sql`alter role ${identifier(role)} login password ${password}`;
}

/** Any answer: the database is reachable. */
export const PING_SQL: Sql = sql`select 1`;
