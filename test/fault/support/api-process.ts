import { spawnApp, untilReady, type AppProcess } from './app-process';
import { freePort } from './free-port';

export interface ApiProcess extends AppProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
}

/**
 * `apps/api/src/main.ts` as a process of its own on a free port (or `PORT` from `env`), with the test's environment
 * and no rate limit; resolves once `/health` answers 200.
 */
export async function spawnApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = env['PORT'] ?? String(await freePort());
  const api = spawnApp('api', {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    ...env,
    PORT: port,
  });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(api, async () => (await fetch(`${url}/health`)).status === 200, `api on port ${port}`);
  return { ...api, url };
}
