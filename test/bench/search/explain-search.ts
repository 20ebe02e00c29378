/**
 * Runs the search's main queries against the benchmark database (seed it first with seed-requests.ts): the
 * EXPLAIN (ANALYZE, BUFFERS) of each, then p50/p95 over RUNS executions, written to RESULTS.md beside this file.
 * The SQL comes from the API's own builder (buildSearchSql) and runs through MikroORM's connection, as in the API.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/liaison_bench_search \
 *     ./node_modules/.bin/node -r @swc-node/register test/bench/search/explain-search.ts [runs]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@liaison/data';
import {
  buildSearchSql,
  type SearchFilters,
  type SearchPage,
  type SearchRow,
  type SearchScope,
} from '@liaison/requests';
import { BENCH_DATABASE_URL } from './bench-fixture';

interface Scenario {
  name: string;
  scope: SearchScope;
  filters: SearchFilters;
  page?: Partial<SearchPage>;
  /** Start after the last row of the first page. */
  secondPage?: boolean;
}

interface Measured {
  scenario: Scenario;
  rows: number;
  p50: number;
  p95: number;
  max: number;
  plan: string;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 200);
  const orm = await MikroORM.init(
    ormConfig(process.env['DATABASE_URL'] ?? BENCH_DATABASE_URL, { pool: { min: 1, max: 1 } }),
  );
  const connection = orm.em.getConnection();
  const query = <T>(sql: string, params: unknown[] = []) => connection.execute<T[]>(sql, params);
  try {
    const [{ count }] = (await query<{ count: string }>('select count(*)::text as count from request')) as [
      { count: string },
    ];
    const scenarios = await scenariosFor(query);
    const results: Measured[] = [];
    for (const scenario of scenarios) results.push(await measure(query, scenario, runs));
    const version = (await query<{ version: string }>('select version()'))[0]?.version ?? '';
    writeFileSync(join(__dirname, 'RESULTS.md'), report(Number(count), runs, version, results));
    for (const result of results) {
      console.log(
        `${result.scenario.name.padEnd(58)} rows ${String(result.rows).padStart(3)}  p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms`,
      );
    }
  } finally {
    await orm.close(true);
  }
}

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** An officer of agency NP-1 (about 1/8 of the requests each way) and a task-force member of IN-1. */
async function scenariosFor(query: Query): Promise<Scenario[]> {
  const [officer] = await query<{ user_id: string; agency_id: string }>(
    `select u.id as user_id, a.id as agency_id from app_user u join agency a on a.id = u.agency_id
     where a.name = 'Bench agency NP-1' and u.email like 'officer.%'`,
  );
  const [member] = await query<{ user_id: string; agency_id: string }>(
    `select u.id as user_id, a.id as agency_id from app_user u join agency a on a.id = u.agency_id
     where a.name = 'Bench agency IN-1' and u.email like 'member.%'`,
  );
  const taskForces = await query<{ id: string; name: string; linked: number }>(
    `select t.id, t.name, (select count(*)::int from task_force_request where task_force_id = t.id) as linked
     from task_force t order by name`,
  );
  if (!officer || !member || !taskForces[0]) throw new Error('Seed the benchmark database first (seed-requests.ts)');
  const np = { agencyId: officer.agency_id, userId: officer.user_id };
  const tfMember = { agencyId: member.agency_id, userId: member.user_id };
  const [largest] = taskForces;
  return [
    { name: 'My agency, both directions + my task forces (first page)', scope: np, filters: {} },
    { name: 'Same, second page (keyset cursor)', scope: np, filters: {}, secondPage: true },
    { name: 'Incoming overdue for my agency', scope: np, filters: { direction: 'incoming', overdue: true } },
    {
      name: 'Outgoing, sorted by creation',
      scope: np,
      filters: { direction: 'outgoing' },
      page: { sort: 'createdAt' },
    },
    {
      name: 'Incoming MLA in_execution from Thailand',
      scope: np,
      filters: { direction: 'incoming', kind: 'mla', states: ['in_execution'], counterpartCountry: 'TH' },
    },
    {
      name: `Task force board: ${largest.name} (${largest.linked} linked), member`,
      scope: tfMember,
      filters: { taskForceId: largest.id },
    },
    { name: 'Text: reference fragment "000123"', scope: np, filters: { q: '000123' } },
    { name: 'Text: full reference "MLA-2023-004762"', scope: np, filters: { q: 'MLA-2023-004762' } },
    { name: 'Text: title words "brick kiln case 4242"', scope: np, filters: { q: 'brick kiln case 4242' } },
    { name: 'Text: common title word "garment" (many matches)', scope: np, filters: { q: 'garment' } },
  ];
}

async function measure(query: Query, scenario: Scenario, runs: number): Promise<Measured> {
  const page: SearchPage = { sort: 'lastActivityAt', limit: 50, ...scenario.page };
  if (scenario.secondPage) {
    const rows = await query<SearchRow>(buildSearchSql(scenario.scope, scenario.filters, page).inline());
    const last = rows[page.limit - 1];
    if (last) page.after = { sort: page.sort, key: last.cursor_key, id: last.id };
  }
  const sql = buildSearchSql(scenario.scope, scenario.filters, page).inline(); // values inlined, as the API runs it
  for (let warm = 0; warm < 5; warm += 1) await query(sql);
  const timings: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    rows = (await query(sql)).length;
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  timings.sort((a, b) => a - b);
  const plan = await query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`);
  return {
    scenario,
    rows: Math.min(rows, page.limit),
    p50: percentile(timings, 0.5),
    p95: percentile(timings, 0.95),
    max: timings[timings.length - 1] ?? 0,
    plan: plan.map((line) => line['QUERY PLAN']).join('\n'),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function report(count: number, runs: number, version: string, results: Measured[]): string {
  const table = results.map(
    (result) =>
      `| ${result.scenario.name} | ${result.rows} | ${result.p50.toFixed(2)} | ${result.p95.toFixed(2)} | ${result.max.toFixed(2)} |`,
  );
  const plans = results.map((result) => `### ${result.scenario.name}\n\n\`\`\`\n${result.plan}\n\`\`\`\n`);
  return [
    '# Search benchmark (GET /v1/requests)',
    '',
    `${count.toLocaleString('en')} requests, 8 agencies in 4 countries, page size 50, ${runs} runs per query after 5 warm-up runs,`,
    'one connection, timings measured by the client (query + transfer) through MikroORM, SQL from `buildSearchSql`.',
    `Server: ${version}. Regenerate: \`test/bench/search/seed-requests.ts\`, then \`explain-search.ts\`.`,
    '',
    '| query | rows | p50 ms | p95 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...table,
    '',
    '## Plans (EXPLAIN (ANALYZE, BUFFERS))',
    '',
    ...plans,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
