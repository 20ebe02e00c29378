import { Client } from 'pg';
import { AuditTrail } from '@liaison/audit';
import { APP_DATABASE_ROLE, WORKER_DATABASE_ROLE } from '@liaison/data';
import { startApi, type ApiHarness } from './support/api-harness';

/** The trail cannot be changed through the database: a trigger refuses it to anyone, and the apps' role lacks the rights. */
describe('audit trail, append-only in the database (e2e)', () => {
  let api: ApiHarness;
  let entryId: string;

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    entryId = await em.transactional((tx) =>
      api.app
        .get(AuditTrail)
        .append(tx, { stream: 'system', action: 'test.appended', subjectType: 'test', subjectId: 'x' }),
    );
  });

  afterAll(() => api.close());

  async function as(url: string, run: (client: Client) => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await run(client);
    } finally {
      await client.end();
    }
  }

  it('runs the apps as the application role, which owns no table', async () => {
    const [{ user }] = await api.em().getConnection().execute<{ user: string }[]>('select current_user as "user"');
    expect(user).toBe(APP_DATABASE_ROLE);
    await as(api.environment.ownerDatabaseUrl, async (owner) => {
      const { rows } = await owner.query(
        `select tablename from pg_tables where schemaname = current_schema() and tableowner = $1`,
        [APP_DATABASE_ROLE],
      );
      expect(rows).toEqual([]);
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit_event and audit_checkpoint even to the owner (trigger)', async () => {
    await as(api.environment.ownerDatabaseUrl, async (owner) => {
      const {
        rows: [me],
      } = await owner.query('select current_user as "user"');
      expect(me.user).not.toBe(APP_DATABASE_ROLE);
      await owner.query(
        `insert into audit_checkpoint values (gen_random_uuid(), 1, 0, 1, 1, $1, $1, $1, 'x', $1, now())`,
        ['0'.repeat(64)],
      );
      for (const sql of [
        `update audit_event set action = 'test.forged' where id = '${entryId}'`,
        `delete from audit_event where id = '${entryId}'`,
        'truncate audit_event',
        'update audit_checkpoint set tree_size = 0',
        'delete from audit_checkpoint',
        'truncate audit_checkpoint',
      ]) {
        await expect(owner.query(sql)).rejects.toThrow(/the audit trail is append-only/);
      }
    });
  });

  it('gives the application role no UPDATE, DELETE or TRUNCATE on the trail, but full DML elsewhere', async () => {
    await as(api.environment.databaseUrl, async (app) => {
      for (const sql of [
        `update audit_event set action = 'test.forged' where id = '${entryId}'`,
        `delete from audit_event where id = '${entryId}'`,
        'truncate audit_event',
        'delete from audit_checkpoint',
        'alter table audit_event disable trigger append_only',
        'drop trigger append_only on audit_event',
      ]) {
        await expect(app.query(sql)).rejects.toMatchObject({ code: expect.stringMatching(/^42501$/) });
      }
      const { rows } = await app.query(
        `select t.table_name, has_table_privilege(current_user, t.table_name, 'SELECT, INSERT') as "readWrite",
                has_table_privilege(current_user, t.table_name, 'UPDATE') as "update",
                has_table_privilege(current_user, t.table_name, 'DELETE') as "delete",
                has_table_privilege(current_user, t.table_name, 'TRUNCATE') as "truncate"
         from information_schema.tables t where t.table_schema = current_schema() and t.table_name <> 'mikro_orm_migrations'`,
      );
      for (const row of rows) {
        const trail = row.table_name === 'audit_event' || row.table_name === 'audit_checkpoint';
        expect({
          table: row.table_name,
          readWrite: row.readWrite,
          update: row.update,
          delete: row.delete,
          truncate: row.truncate,
        }).toEqual({
          table: row.table_name,
          readWrite: true,
          update: !trail,
          delete: !trail,
          truncate: false,
        });
      }
    });
  });

  it("refuses the api's role a checkpoint insert: only the worker's role may add checkpoints", async () => {
    const insert = `insert into audit_checkpoint (id, seq, xid_from, xid_to, tree_size, root_hash, previous_hash, hash,
        signature, key_id, created_at)
      values (gen_random_uuid(), 999999, 0, 1, 1, repeat('a', 64), repeat('0', 64), repeat('b', 64), 'forged', repeat('c', 64), now())`;
    await as(api.environment.databaseUrl, async (app) => {
      await expect(app.query(insert)).rejects.toMatchObject({
        code: '42501',
        message: 'permission denied for table audit_checkpoint',
      });
      const { rows } = await app.query(`select has_table_privilege(current_user, 'audit_checkpoint', 'SELECT') as s`);
      expect(rows[0].s).toBe(true); // the api still reads them
    });
    await as(api.environment.workerDatabaseUrl, async (worker) => {
      await worker.query('begin');
      await worker.query(insert);
      await worker.query('rollback');
      const { rows } = await worker.query(
        `select current_user as "user", has_table_privilege(current_user, 'audit_checkpoint', 'UPDATE') as update`,
      );
      expect(rows[0]).toEqual({ user: WORKER_DATABASE_ROLE, update: false });
    });
  });

  it('still lets the application append', async () => {
    const [{ count }] = await api
      .em()
      .getConnection()
      .execute<{ count: string }[]>(`select count(*) as count from audit_event where id = ?`, [entryId]);
    expect(Number(count)).toBe(1);
  });
});
