import { EntityManager } from '@mikro-orm/postgresql';
import type { InjectionToken, ModuleMetadata, Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DatabaseModule, type Agency, type User } from '@liaison/data';
import { LiaisonConfigModule, RedisClientModule } from '@liaison/platform';
import { createAgency, createRequest, createTaskForce, createUser, type RequestOptions } from './factories';
import { pointAt, prepareTestEnvironment, type TestEnvironment } from './test-environment';

export interface MediumTestOptions {
  /** The feature modules under test; the configuration, the database and the shared Redis client come with it. */
  imports: NonNullable<ModuleMetadata['imports']>;
  providers?: Provider[];
  /** Providers replaced by these values: a clock the test moves, a background loop left off. */
  overrides?: ReadonlyArray<readonly [InjectionToken, unknown]>;
  /** Settings (the environment variables the configuration reads) for this module only. */
  env?: Record<string, string>;
  /** Boots on an earlier harness's database and Redis prefix (a restart) instead of fresh ones. */
  environment?: TestEnvironment;
}

export interface MediumTest {
  module: TestingModule;
  environment: TestEnvironment;
  /** A provider of any module in the tree, exported or not. */
  get<T>(token: InjectionToken<T>): T;
  /** A fresh EntityManager (as the application role) for arranging data and reading effects. */
  em(): EntityManager;
  /** Rows as the apps would write them, without going through the services. */
  factory: MediumFactory;
  /** A connection of its own to this worker's database as the owner, closed by `close()`. */
  connect(): Promise<Client>;
  /** One statement as the owner (bypasses the application role's limits): arranging faults, reading effects. */
  sql<Row extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export interface MediumFactory {
  agency: (overrides?: Parameters<typeof createAgency>[1]) => Promise<Agency>;
  user: (agency: Agency, options: Parameters<typeof createUser>[2]) => Promise<User>;
  request: (options: RequestOptions) => ReturnType<typeof createRequest>;
  taskForce: (creator: User, options?: Parameters<typeof createTaskForce>[2]) => ReturnType<typeof createTaskForce>;
}

/**
 * The middle tier between pure specs and the HTTP suites: the given feature modules booted as Nest builds them
 * (real providers, real lifecycle hooks), on this jest worker's own database and Redis prefix, with no HTTP
 * listener. Call in `beforeAll`; without `environment`, each call starts from an empty, migrated database.
 */
export async function mediumTest(options: MediumTestOptions): Promise<MediumTest> {
  // prepareTestEnvironment points the configuration at the new database itself.
  if (options.environment) pointAt(options.environment);
  const environment = options.environment ?? (await prepareTestEnvironment());
  const restoreEnv = applyEnv(options.env ?? {});
  let builder = Test.createTestingModule({
    imports: [LiaisonConfigModule, DatabaseModule, RedisClientModule, ...options.imports],
    providers: options.providers ?? [],
  });
  for (const [token, value] of options.overrides ?? []) builder = builder.overrideProvider(token).useValue(value);
  const module = await builder.compile();
  module.enableShutdownHooks();
  await module.init();

  const clients: Client[] = [];
  const em = () => module.get(EntityManager, { strict: false }).fork();
  // One EntityManager for everything the factory writes, so the rows it returns can be passed back to it.
  const factoryEm = em();
  const connect = async () => {
    const client = new Client({ connectionString: environment.ownerDatabaseUrl });
    await client.connect();
    clients.push(client);
    return client;
  };
  let owner: Client | undefined;
  return {
    module,
    environment,
    get: <T>(token: InjectionToken<T>) => module.get<T>(token as never, { strict: false }),
    em,
    factory: {
      agency: (overrides) => createAgency(factoryEm, overrides),
      user: (agency, userOptions) => createUser(factoryEm, agency, userOptions),
      request: (requestOptions) => createRequest(factoryEm, requestOptions),
      taskForce: (creator, taskForceOptions) => createTaskForce(factoryEm, creator, taskForceOptions),
    },
    connect,
    sql: async <Row extends object>(text: string, values: unknown[] = []) => {
      owner ??= await connect();
      return (await owner.query<Row>(text, values)).rows;
    },
    close: async () => {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await module.close();
      restoreEnv();
    },
  };
}

/** Sets the variables; the returned function puts back what was there before. */
function applyEnv(env: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
