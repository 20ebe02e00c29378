/**
 * Search through the api: p50/p95 of the main list queries over HTTP on a database of SEARCH_REQUESTS requests
 * (seed-requests.ts: one INSERT … SELECT generate_series, indexes built afterwards), a freshly started api.
 * Part of `npm run bench` (test/bench/run-all.ts); explain-search.ts shows the plans of the same queries in SQL.
 *
 * The seeded users have no password: their access tokens are signed here with the api's JWT secret (HS256, the
 * claims TokenService issues). Each query runs WARMUP times, then RUNS times one after another (one client).
 *
 * BENCH_SEARCH_DATABASE_URL names a database seed-requests.ts already seeded: it is used as it is (neither seeded
 * nor dropped), so that a change can be measured before and after on the same data without seeding twice.
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_DATABASE_ROLE } from '@liaison/data';
import {
  asApplicationRole,
  dropRedisKeys,
  dropScratchDatabase,
  ownerDatabaseUrl,
  withAdminClient,
} from '@liaison/testing';
import { healthy, ROOT, startApp, stopApp, until, type App } from '../transitions/apps';
import { percentile, send } from '../transitions/http-load';

export interface SearchOptions {
  requests: number;
  runs: number;
  redisUrl: string;
}

export interface SearchQueryResult {
  name: string;
  path: string;
  rows: number;
  p50: number;
  p95: number;
  max: number;
}

const WARMUP = 5;

/** The board's default page size (BoardQuery's perColumn). */
const BOARD_PER_COLUMN = 25;

export async function runSearchBenchmark(options: SearchOptions): Promise<SearchQueryResult[]> {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const seeded = process.env['BENCH_SEARCH_DATABASE_URL'];
  const owner = seeded ?? ownerDatabaseUrl(`liaison_bench_search_${run}`);
  const queuePrefix = `liaison-bench-search-${run}`;
  let api: App | undefined;
  try {
    if (seeded) await allowAppLogin();
    else {
      const started = Date.now();
      await seed(owner, options.requests);
      console.log(`search: seeded ${options.requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const secret = randomBytes(32).toString('hex');
    const port = String(41_000 + Math.floor(Math.random() * 1000));
    api = await startApp('api', {
      NODE_ENV: 'test',
      LIAISON_DEVELOPMENT: '1', // a benchmark on a developer's machine: the development shortcuts
      METRICS_PORT: '0', // not measured here, and 9464 may be taken by `npm start`
      LOG_LEVEL: 'warn',
      LOG_PRETTY: '0',
      PORT: port,
      DATABASE_URL: asApplicationRole(owner),
      MIGRATION_DATABASE_URL: owner,
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      RATE_LIMIT_PER_MINUTE: '100000000',
      JWT_SECRET: secret,
    });
    const app = api;
    await until(healthy(port), 90_000, () => app.output());
    const results: SearchQueryResult[] = [];
    for (const query of await queriesFor(owner, secret, port)) results.push(await measure(port, query, options.runs));
    return results;
  } finally {
    if (api) await stopApp(api);
    if (!seeded) await dropScratchDatabase(owner);
    await dropRedisKeys(options.redisUrl, queuePrefix);
  }
}

/** seed-requests.ts (re)creates and migrates the database; the apps' role then needs its login, as for any scratch. */
async function seed(owner: string, requests: number): Promise<void> {
  const node = `${ROOT}/node_modules/.bin/node`;
  const child = spawn(node, ['-r', '@swc-node/register', 'test/bench/search/seed-requests.ts', String(requests)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: owner },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolveCode) => child.on('close', resolveCode));
  if (code !== 0) throw new Error(`seed-requests.ts failed (exit ${code})`);
  await allowAppLogin();
}

async function allowAppLogin(): Promise<void> {
  await withAdminClient((client) => client.query(`ALTER ROLE ${APP_DATABASE_ROLE} LOGIN`));
}

interface Query {
  name: string;
  path: string;
  token: string;
}

/**
 * An officer of NP-1 (a party to about 1/8 of the requests each way) and a member of every task force. The board
 * sends each column's first BOARD_PER_COLUMN cards (its default) with exact counts; its second query is the next
 * page of its fullest column, as the console's "Show more" asks for it.
 */
async function queriesFor(owner: string, secret: string, port: string): Promise<Query[]> {
  const client = new Client({ connectionString: owner });
  await client.connect();
  try {
    const user = async (email: string) => {
      const { rows } = await client.query<{ id: string; agency_id: string }>(
        `select id, agency_id from app_user where email = $1`,
        [email],
      );
      if (!rows[0]) throw new Error(`no seeded user ${email}`);
      return tokenFor(secret, rows[0].id, rows[0].agency_id);
    };
    const officer = await user('officer.np1@bench.example');
    const member = await user('member.in1@bench.example');
    const { rows: taskForces } = await client.query<{ id: string; linked: number }>(
      `select t.id, (select count(*)::int from task_force_request where task_force_id = t.id) as linked
       from task_force t order by linked desc limit 1`,
    );
    const { rows: references } = await client.query<{ reference: string }>(
      `select reference from request r join agency a on a.id = r.requested_agency_id
       where a.name = 'Bench agency NP-1' and r.state <> 'draft' order by r.reference desc limit 1`,
    );
    const board = taskForces[0];
    const reference = references[0]?.reference ?? 'MLA-2023-004762';
    const boardPath = `/v1/task-forces/${board?.id}/board`;
    const boardName = `Task force board (${board?.linked ?? 0} linked requests`;
    const nextPage = await nextColumnPage(port, boardPath, member);
    return [
      { name: 'Incoming overdue for an agency', path: '/v1/requests?direction=incoming&overdue=true', token: officer },
      { name: 'My agency, both directions (first page)', path: '/v1/requests', token: officer },
      { name: `${boardName}, first ${BOARD_PER_COLUMN} of each column), member`, path: boardPath, token: member },
      ...(nextPage
        ? [{ name: `${boardName}), next ${BOARD_PER_COLUMN} of one column, member`, path: nextPage, token: member }]
        : []),
      { name: `Text search by reference "${reference}"`, path: `/v1/requests?q=${reference}`, token: officer },
    ];
  } finally {
    await client.end();
  }
}

/** The board's fullest column's second page; none on a board too small to have one (BENCH_QUICK). */
async function nextColumnPage(port: string, boardPath: string, token: string): Promise<string | undefined> {
  const answer = await send(port, 'GET', boardPath, token);
  if (answer.status !== 200) throw new Error(`${boardPath}: ${answer.status} ${answer.body.slice(0, 300)}`);
  const { columns } = JSON.parse(answer.body) as { columns: { state: string; nextCursor: string | null }[] };
  const paged = columns.find((column) => column.nextCursor !== null);
  return paged ? `${boardPath}?state=${paged.state}&after=${paged.nextCursor}` : undefined;
}

async function measure(port: string, query: Query, runs: number): Promise<SearchQueryResult> {
  for (let warm = 0; warm < WARMUP; warm += 1) await send(port, 'GET', query.path, query.token);
  const timings: number[] = [];
  let body = '';
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const answer = await send(port, 'GET', query.path, query.token);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (answer.status !== 200) throw new Error(`${query.path}: ${answer.status} ${answer.body.slice(0, 300)}`);
    body = answer.body;
  }
  return {
    name: query.name,
    path: query.path,
    rows: rowsIn(body),
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    max: Math.max(...timings),
  };
}

/** Items of a list page, or cards over a board's columns. */
function rowsIn(body: string): number {
  const parsed = JSON.parse(body) as { items?: unknown[]; columns?: { cards?: unknown[] }[] };
  if (Array.isArray(parsed.items)) return parsed.items.length;
  return (parsed.columns ?? []).reduce((sum, column) => sum + (column.cards?.length ?? 0), 0);
}

/** An access token as TokenService signs it (HS256, `sub` and `agency`, issuer `liaison`). */
function tokenFor(secret: string, userId: string, agencyId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, agency: agencyId, iat: now, exp: now + 7200, iss: 'liaison' })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
