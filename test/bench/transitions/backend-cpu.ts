import { Client } from 'pg';
import { ownerDatabaseUrl } from '@liaison/testing';
import { cpuMsOf } from './apps';

/**
 * CPU time of the PostgreSQL backends serving one database while a phase runs: their pids are polled from
 * pg_stat_activity (on one admin connection of its own), each one's CPU read from /proc at the start (0 for a
 * backend born during the phase) and at its last sighting. What runs after a backend's last poll is missed (at most
 * one interval per backend). Server processes shared by every database (WAL writer, checkpointer) are not counted.
 */
export async function trackBackendCpu(database: string, everyMs = 100) {
  const client = new Client({ connectionString: ownerDatabaseUrl('postgres') });
  await client.connect();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let started = false;
  const poll = async () => {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    for (const { pid } of rows) {
      const cpu = cpuMsOf(pid);
      if (Number.isNaN(cpu)) continue;
      if (!first.has(pid)) first.set(pid, started ? 0 : cpu);
      last.set(pid, cpu);
    }
    started = true;
  };
  await poll();
  let polling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => (polling = polling.then(poll).catch(() => undefined)), everyMs);
  return {
    /** Milliseconds of CPU since the start. */
    stop: async (): Promise<number> => {
      clearInterval(timer);
      await polling;
      await poll().catch(() => undefined);
      await client.end();
      let total = 0;
      for (const [pid, cpu] of last) total += cpu - (first.get(pid) ?? 0);
      return total;
    },
  };
}
