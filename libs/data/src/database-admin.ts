import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createDatabaseSql, databaseExistsSql } from './database-admin.sql';
import { ormConfig } from './orm-config';

/** Creates the database named in `databaseUrl` when it does not exist yet (connecting to `postgres`). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const exists = databaseExistsSql(name);
    const found = await client.query(exists.text, [...exists.values]);
    if (found.rowCount === 0) await client.query(createDatabaseSql(name).text);
  } finally {
    await client.end();
  }
}

/** Applies every pending migration; returns the names applied. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, { pool: { min: 0, max: 2 } }));
  try {
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
