import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  AgencySchema,
  EXAMPLE_IDS,
  EXAMPLE_TIME,
  ormConfig,
  RequestSchema,
  runSql,
  sql,
  TaskForceMemberSchema,
  TaskForceRequestSchema,
  TaskForceSchema,
  UserSchema,
  WebhookEndpointSchema,
  type Sql,
} from '@liaison/data';
import { prepareTestEnvironment } from '@liaison/testing';
import { projectExamples } from './sql-snapshots';

/*
 * Every example of every statement builder (the ones rendered into queries/*.sql) on this jest worker's database, as
 * the apps connect (the application role, or the worker's for what only it may do), each in a transaction rolled back after it: the SQL parses, names real
 * tables and columns, has the types PostgreSQL expects and, run, breaks no constraint. The searches are planned
 * (EXPLAIN), not run. Rows with the examples' fixed ids are there for the statements that read or reference them.
 */
const cases = projectExamples().flatMap(({ project, examples }) =>
  examples
    .filter((example) => example.check !== 'none')
    .map((example) => ({ ...example, label: `${project}/queries/${example.name}.sql` })),
);

/** `begin` and `commit` of a multi-statement message: the test's own transaction stands in for them. */
const isTransactionControl = (statement: Sql) => /^\s*(begin|commit)\s*$/i.test(statement.text);

describe('every SQL statement builder, on PostgreSQL', () => {
  let orm: MikroORM;
  let workerOrm: MikroORM;

  beforeAll(async () => {
    const environment = await prepareTestEnvironment();
    orm = await MikroORM.init(ormConfig(environment.databaseUrl, { pool: { min: 0, max: 2 } }));
    workerOrm = await MikroORM.init(ormConfig(environment.workerDatabaseUrl, { pool: { min: 0, max: 1 } }));
    await createExampleRows(orm.em.fork());
  });

  afterAll(async () => {
    await workerOrm?.close(true);
    await orm?.close(true);
  });

  it('has examples of each kind of check', () => {
    expect(cases.some((example) => example.check === 'explain')).toBe(true);
    expect(cases.filter((example) => example.check === undefined).length).toBeGreaterThan(50);
  });

  it.each(cases)('$label', async ({ statement, check, role }) => {
    const statements = (Array.isArray(statement) ? statement : [statement]) as Sql[];
    const em = (role === 'worker' ? workerOrm : orm).em.fork();
    await em.begin();
    try {
      for (const each of statements.filter((one) => !isTransactionControl(one))) {
        await runSql(em, check === 'explain' ? sql`explain ${each}` : each);
      }
    } finally {
      await em.rollback();
    }
  });

  it('reads the example rows where the write path opens a transition', async () => {
    const open = cases.find((example) => example.label === 'libs/workflow/queries/open-transition.sql');
    const [, request] = open?.statement as Sql[];
    const em = orm.em.fork();
    await em.begin();
    try {
      const rows = await runSql<{ id: string; callerInLinkedTaskForce: boolean }>(em, request);
      expect(rows).toEqual([expect.objectContaining({ id: EXAMPLE_IDS.request, callerInLinkedTaskForce: true })]);
    } finally {
      await em.rollback();
    }
  });
});

async function createExampleRows(em: EntityManager): Promise<void> {
  const { agency, counterpart, user, request, taskForce, webhookEndpoint } = EXAMPLE_IDS;
  const requesting = em.create(AgencySchema, { id: agency, name: 'Requesting', country: 'NP', type: 'POLICE' });
  const requested = em.create(AgencySchema, { id: counterpart, name: 'Requested', country: 'TH', type: 'POLICE' });
  const officer = em.create(UserSchema, {
    id: user,
    agency: requesting,
    email: 'sql-examples@test.example',
    displayName: 'SQL examples',
    passwordHash: 'not a hash',
    roles: ['OFFICER'],
  });
  const filed = em.create(RequestSchema, {
    id: request,
    reference: 'MLA-2026-999999',
    kind: 'mla',
    requestingAgency: requesting,
    requestedAgency: requested,
    createdBy: officer,
    legalBasis: 'untoc',
    handlingCode: 'H0',
    handlingRestriction: null,
    title: 'SQL examples',
    content: {},
    state: 'draft',
    timers: [],
    overdue: false,
    createdAt: EXAMPLE_TIME,
    updatedAt: EXAMPLE_TIME,
    lastActivityAt: EXAMPLE_TIME,
  });
  const followed = em.create(TaskForceSchema, {
    id: taskForce,
    name: 'SQL examples',
    leadAgency: requesting,
    createdBy: officer,
  });
  em.create(TaskForceMemberSchema, {
    id: '00000000-0000-7000-8000-0000000000f2',
    taskForce: followed,
    user: officer,
    readOnly: false,
    createdAt: EXAMPLE_TIME,
  });
  em.create(TaskForceRequestSchema, {
    id: '00000000-0000-7000-8000-0000000000f3',
    taskForce: followed,
    request: filed,
    linkedBy: officer,
    createdAt: EXAMPLE_TIME,
  });
  em.create(WebhookEndpointSchema, {
    id: webhookEndpoint,
    agency: requesting,
    url: 'https://partner.test.example/hooks',
    events: ['*'],
    secretCiphertext: Buffer.from('secret'),
    createdBy: officer,
  });
  await em.flush();
}
