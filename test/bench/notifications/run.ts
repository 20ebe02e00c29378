/**
 * `npm run bench:notifications`: commit → webhook arrival, open loop at given rates and at saturation (see
 * notifications-benchmark.ts). Env: BENCH_RATES (`50,100`), BENCH_SECONDS (30 per open-loop phase), BENCH_CLIENTS
 * (20; 0 skips the saturation phase), BENCH_TRANSITIONS (2000, saturation phase), BENCH_WARMUP (300),
 * BENCH_PROFILE_DIR (CPU profiles of the api and the worker), TEST_DATABASE_URL, TEST_REDIS_URL.
 */
import { machine, runNotificationsBenchmark } from './notifications-benchmark';

const env = (name: string) => process.env[name];
const number = (name: string, fallback: number) => (env(name) === undefined ? fallback : Number(env(name)));

async function main(): Promise<void> {
  const [row] = await runNotificationsBenchmark({
    rates: (env('BENCH_RATES') ?? '50,100').split(',').filter(Boolean).map(Number),
    seconds: number('BENCH_SECONDS', 30),
    clients: number('BENCH_CLIENTS', 20),
    saturationTransitions: number('BENCH_TRANSITIONS', 2000),
    warmup: number('BENCH_WARMUP', 300),
    profileDir: env('BENCH_PROFILE_DIR'),
    log: (line) => console.log(line),
  });
  console.log(`\nNotifications benchmark (${new Date().toISOString()}, ${machine()})`);
  console.log(
    '| phase | approvals | achieved /s | failed | webhook p50 ms | p95 | p99 | max | HTTP p50 / p99 ms | api CPU ms / approval | worker CPU ms / approval | load avg at start |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of row.phases) {
    console.log(
      `| ${p.phase} | ${p.transitions} | ${p.rate.toFixed(1)} | ${p.failed} | ${p.p50} | ${p.p95} | ${p.p99} | ${p.max} | ` +
        `${p.httpP50} / ${p.httpP99} | ${p.apiCpuMs ?? 'n/a'} | ${p.workerCpuMs ?? 'n/a'} | ${p.loadAverage ?? 'n/a'} |`,
    );
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
