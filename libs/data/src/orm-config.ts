import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { releaseLostConnections } from './lost-connections';
import { MIGRATIONS } from './migrations';

export const MIGRATIONS_PATH = 'libs/data/src/migrations';

/** The one ORM configuration, for the apps, the launcher's migrations and the tests. */
export function ormConfig(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      path: MIGRATIONS_PATH,
      pathTs: MIGRATIONS_PATH,
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    forceUtcTimezone: true,
    // pg waits forever by default for a free pooled connection and for a new one's handshake: answer 503 instead.
    driverOptions: { connectionTimeoutMillis: 10_000, onPoolCreated: releaseLostConnections },
    debug: false,
    ...overrides,
  });
}
