import { identifier, sql, type Sql } from './sql/sql';

/** One row when the database exists. */
export function databaseExistsSql(name: string): Sql {
  return sql`select 1 from pg_database where datname = ${name}`;
}

export function createDatabaseSql(name: string): Sql {
  return sql`create database ${identifier(name)}`;
}

/** Any answer: the database is reachable. */
export const PING_SQL: Sql = sql`select 1`;
