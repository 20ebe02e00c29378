/**
 * The task-force board's statements (GET /v1/task-forces/:id/board, from the API's own builders in board.sql.ts)
 * on the benchmark database (seed it first with seed-requests.ts), for its task force with the most links:
 * EXPLAIN (ANALYZE, BUFFERS) of each, then p50/p95 over RUNS executions through MikroORM's connection.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/liaison_bench_search \
 *     ./node_modules/.bin/node -r @swc-node/register test/bench/search/explain-board.ts [runs] [perColumn]
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig, runSql, sql, type Sql } from '@liaison/data';
import { boardSql } from '@liaison/agencies';
import { BENCH_DATABASE_URL } from './bench-fixture';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 100);
  const perColumn = Number(process.argv[3] ?? 25);
  const orm = await MikroORM.init(
    ormConfig(process.env['DATABASE_URL'] ?? BENCH_DATABASE_URL, { pool: { min: 1, max: 1 } }),
  );
  const query = <T extends object>(statement: Sql) => runSql<T>(orm.em, statement);
  try {
    const [taskForce] = await query<{ id: string; lead: string; member: string; linked: number }>(
      sql`select t.id, t.lead_agency_id as lead,
                 (select m.user_id from task_force_member m where m.task_force_id = t.id limit 1) as member,
                 (select count(*)::int from task_force_request where task_force_id = t.id) as linked
            from task_force t order by linked desc limit 1`,
    );
    if (!taskForce) throw new Error('Seed the benchmark database first (seed-requests.ts)');
    const viewer = { agencyId: taskForce.lead, userId: taskForce.member };
    const scope = { taskForceId: taskForce.id, viewer, now: new Date() };
    const counts = await query<{ column_state: string; column_count: number }>(boardSql(scope, { rows: 1 }));
    const [fullest] = [...counts].sort((a, b) => b.column_count - a.column_count);
    const state = fullest?.column_state ?? 'closed';
    const firstPage = await query<{ id: string; cursor_key: string }>(boardSql(scope, { state, rows: perColumn }));
    const last = firstPage.filter((row) => row.id !== null).pop();
    const after = last && { state, key: last.cursor_key, id: last.id };
    const statements: [string, Sql][] = [
      [`Every column's first ${perColumn} + 1 cards, counts by state`, boardSql(scope, { rows: perColumn + 1 })],
      [
        `Next ${perColumn} + 1 cards of "${state}", counts by state`,
        boardSql(scope, { state, after, rows: perColumn + 1 }),
      ],
    ];
    console.log(`Task force with ${taskForce.linked} linked requests, perColumn ${perColumn}, ${runs} runs each`);
    for (const [name, statement] of statements) {
      const plan = await query<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${statement}`);
      const timings: number[] = [];
      let rows = 0;
      for (let run = 0; run < runs; run += 1) {
        const started = process.hrtime.bigint();
        rows = (await query(statement)).length;
        timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      timings.sort((a, b) => a - b);
      const at = (share: number) => (timings[Math.min(runs - 1, Math.floor(runs * share))] ?? NaN).toFixed(2);
      console.log(`\n### ${name}: ${rows} rows, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms\n`);
      console.log(plan.map((line) => line['QUERY PLAN']).join('\n'));
    }
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
