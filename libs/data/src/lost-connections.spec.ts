import { Pool } from 'pg';
import { releaseLostConnections } from './lost-connections';

const serverUrl = process.env['TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function terminateBackend(pid: number): Promise<void> {
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

describe('a pool guarded against lost connections', () => {
  it('takes back the slot of a connection the server closed while its holder kept it (as kysely does when begin fails)', async () => {
    const pool = new Pool({ connectionString: serverUrl, max: 1, connectionTimeoutMillis: 20_000 });
    pool.on('error', () => undefined);
    releaseLostConnections(pool);
    try {
      const kept = await pool.connect();
      kept.on('error', () => undefined);
      const { rows } = await kept.query<{ pid: number }>('select pg_backend_pid() as pid');
      await terminateBackend(rows[0].pid);

      const next = await pool.connect(); // without the guard: "timeout exceeded when trying to connect"
      expect((await next.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      expect(() => kept.release()).not.toThrow(); // the holder's late release is harmless
      next.release();
      expect(pool.totalCount).toBe(1);
    } finally {
      await pool.end();
    }
  }, 30_000);
});
