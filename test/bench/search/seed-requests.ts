/**
 * Seeds a scratch database for the search benchmark: 8 agencies in 4 countries, an officer each, a few task
 * forces, and N requests (default 1,000,000) in one INSERT … SELECT generate_series.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/liaison_bench_search \
 *     ./node_modules/.bin/node -r @swc-node/register test/bench/search/seed-requests.ts [N]
 *
 * The database is dropped and created again, then migrated with the project's migrations. The request table's
 * secondary indexes are dropped during the load and built after it (much faster than maintaining them row by
 * row) from the set the search is written for, then everything is analysed.
 */
import { Client } from 'pg';
import { ensureDatabase, migrateDatabase, quoteIdentifier } from '@liaison/data';
import { BENCH_DATABASE_URL, BENCH_TASK_FORCE_SIZES, SEARCH_INDEXES } from './bench-fixture';

const COUNTRIES = ['IN', 'NP', 'TH', 'MM'];

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1_000_000);
  const url = process.env['DATABASE_URL'] ?? BENCH_DATABASE_URL;
  await recreate(url);
  await migrateDatabase(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await seedParties(client);
    const started = Date.now();
    await dropSecondaryIndexes(client);
    await insertRequests(client, count);
    console.log(`inserted ${count} requests in ${seconds(started)}`);
    const rebuilt = Date.now();
    for (const definition of Object.values(SEARCH_INDEXES)) await client.query(definition);
    console.log(`built ${Object.keys(SEARCH_INDEXES).length} search indexes in ${seconds(rebuilt)}`);
    await linkTaskForces(client);
    await client.query('vacuum analyze');
    console.log(`done in ${seconds(started)}`);
  } finally {
    await client.end();
  }
}

async function recreate(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const admin = new Client({ connectionString: target.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
  await admin.end();
  await ensureDatabase(url);
}

/** Agencies `<country>-1` and `<country>-2`, an officer in each, and task forces led by the first agencies. */
async function seedParties(client: Client): Promise<void> {
  for (const country of COUNTRIES) {
    for (const number of [1, 2]) {
      await client.query(
        `insert into agency (id, created_at, updated_at, name, country, type, central_authority, accepted_languages)
         values (gen_random_uuid(), now(), now(), $1, $2, 'POLICE', false, '{en}')`,
        [`Bench agency ${country}-${number}`, country],
      );
    }
  }
  await client.query(
    `insert into app_user (id, created_at, updated_at, agency_id, email, display_name, password_hash, roles, language)
     select gen_random_uuid(), now(), now(), a.id, 'officer.' || lower(a.country) || right(a.name, 1) || '@bench.example',
            'Bench officer', 'not-a-hash', '{OFFICER}', 'en'
     from agency a`,
  );
  // One extra officer per agency who joins every task force (a member who is no party to most requests).
  await client.query(
    `insert into app_user (id, created_at, updated_at, agency_id, email, display_name, password_hash, roles, language)
     select gen_random_uuid(), now(), now(), a.id, 'member.' || lower(a.country) || right(a.name, 1) || '@bench.example',
            'Bench member', 'not-a-hash', '{OFFICER}', 'en'
     from agency a`,
  );
  for (const [index] of BENCH_TASK_FORCE_SIZES.entries()) {
    await client.query(
      `insert into task_force (id, created_at, updated_at, name, lead_agency_id, created_by_id)
       select gen_random_uuid(), now(), now(), $1, a.id, u.id
       from agency a join app_user u on u.agency_id = a.id
       where a.name = 'Bench agency NP-1' and u.email like 'officer.%' limit 1`,
      [`Bench task force ${index + 1}`],
    );
  }
  await client.query(
    `insert into task_force_member (id, task_force_id, user_id, read_only, created_at)
     select gen_random_uuid(), t.id, u.id, false, now() from task_force t cross join app_user u where u.email like 'member.%'`,
  );
}

/**
 * Drops the request table's secondary indexes for the load; they are built afterwards from SEARCH_INDEXES, the
 * set the search is written for. Says so when migrations did not leave one of them in place.
 */
async function dropSecondaryIndexes(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select indexname as name from pg_indexes
     where tablename = 'request' and indexname not in ('request_pkey', 'request_reference_unique')`,
  );
  const missing = Object.keys(SEARCH_INDEXES).filter((name) => !rows.some((row) => row.name === name));
  if (missing.length) console.warn(`WARNING: the migrations left out search indexes: ${missing.join(', ')}`);
  for (const row of rows) await client.query(`drop index ${quoteIdentifier(row.name)}`);
}

/**
 * Requesting agency i mod 8; the requested one in another country. States are spread over each workflow
 * (mostly past the draft), 5 % are overdue, activity spreads over three years. References are unique per kind
 * and year: kind = i mod 3, year = 2020 + i mod 7, sequence = i / 21 + 1.
 */
async function insertRequests(client: Client, count: number): Promise<void> {
  await client.query(
    `with agencies as (
       select array_agg(id order by country_rank, name) as ids from (
         select id, name, array_position(array['IN','NP','TH','MM'], country) as country_rank from agency) ranked),
     users as (select array_agg(id order by email) as ids from app_user where email like 'officer.%'),
     series as (select i, i % 8 as requesting, i % 3 as kind_index from generate_series(0, $1::int - 1) as i)
     insert into request (id, created_at, updated_at, reference, kind, requesting_agency_id, requested_agency_id,
       created_by_id, legal_basis, urgency, language, handling_code, title, state, timers, version, overdue,
       last_activity_at)
     select gen_random_uuid(), activity - (random() * interval '60 days'), activity,
       (array['MLA','EXT','REP'])[kind_index + 1] || '-' || (2020 + i % 7) || '-' || lpad((i / 21 + 1)::text, 6, '0'),
       (array['mla','extradition','repatriation'])[kind_index + 1],
       agencies.ids[requesting + 1],
       agencies.ids[((requesting / 2 + 1 + (i / 8) % 3) % 4) * 2 + (i / 24) % 2 + 1],
       users.ids[1],
       (array['untoc','untoc','palermo-protocol'])[kind_index + 1],
       case when i % 10 = 0 then 'urgent' else 'normal' end, 'en', 'H0',
       (array['Bank records of','Witness statement on','Surrender of a recruiter in','Repatriation from',
              'Phone records in','Travel history of'])[i % 6 + 1]
         || ' ' || (array['garment factory','fishing vessel','massage parlour','construction site','brick kiln',
              'domestic work','call centre'])[(i / 6) % 7 + 1] || ' case ' || i,
       case kind_index
         when 0 then (array['draft','under_review','transmitted','received','in_execution','in_execution','executed',
              'closed','closed','refused'])[(i / 3) % 10 + 1]
         when 1 then (array['draft','transmitted','received','judicial_proceedings','executive_decision',
              'surrendered','closed','refused'])[(i / 3) % 8 + 1]
         else (array['draft','referred','identity_verification','risk_assessment','travel_documents','reintegration',
              'closed','halted'])[(i / 3) % 8 + 1]
       end,
       '[]', 1, i % 20 = 0, activity
     from series, agencies, users,
       lateral (select now() - (random() * interval '3 years') as activity offset 0) activity`,
    [count],
  );
}

/** Task forces follow a spread of requests: every 500th, 5,000th, ... (sizes in bench-fixture). */
async function linkTaskForces(client: Client): Promise<void> {
  const { rows } = await client.query<{ id: string }>(`select id from task_force order by name`);
  for (const [index, taskForce] of rows.entries()) {
    const every = BENCH_TASK_FORCE_SIZES[index] ?? 1000;
    await client.query(
      `insert into task_force_request (id, task_force_id, request_id, linked_by_id, created_at)
       select gen_random_uuid(), $1, r.id, r.created_by_id, now()
       from (select id, created_by_id, row_number() over (order by reference) as n from request) r
       where r.n % $2 = $3`,
      [taskForce.id, every, index],
    );
  }
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
