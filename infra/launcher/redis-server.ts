import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';

export interface RedisForLaunch {
  url: string;
  /** Set when the launcher started this Redis itself. */
  process?: ChildProcess;
}

/** Redis on 127.0.0.1:6379 when one answers; else a `redis-server` from the machine on a free port. */
export async function findOrStartRedis(dataRoot: string): Promise<RedisForLaunch> {
  if (await answersPing(6379)) return { url: 'redis://127.0.0.1:6379' };
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(
      'Liaison needs Redis. None answers on 127.0.0.1:6379 and `redis-server` is not installed.\n' +
        'Install it (Debian/Ubuntu: `sudo apt install redis-server`, macOS: `brew install redis`) or set REDIS_URL.',
    );
  }
  const port = await freePort();
  const dir = join(dataRoot, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 50 && !(await answersPing(port)); attempt += 1) await sleep(100);
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
