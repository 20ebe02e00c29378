import type { Pool, PoolClient } from 'pg';

/** How long a holder may keep a connection the server has closed before the pool takes its slot back. */
const GRACE_MS = 5_000;

/**
 * Gives the pool back the slots of connections lost while checked out. Kysely (under MikroORM) never releases a
 * connection whose `begin`, or whose `rollback` after a failed `commit`, fails: when the server restarts, every
 * transaction caught in that moment keeps its pooled connection for good, and once all are gone the process waits
 * forever for a connection (seen in test/fault/postgres-restart). A connection that has ended while still checked
 * out is released with an error, which makes the pool discard it; a late release by its holder is then a no-op.
 */
export function releaseLostConnections(pool: Pool): void {
  const checkedOut = new Set<PoolClient>();
  const watched = new WeakSet<PoolClient>();
  pool.on('acquire', (client) => {
    checkedOut.add(client);
    if (watched.has(client)) return;
    watched.add(client);
    client.once('end', () => {
      if (checkedOut.has(client)) setTimeout(() => reclaim(client), GRACE_MS).unref();
    });
  });
  pool.on('release', (_error, client) => checkedOut.delete(client as PoolClient));
  pool.on('remove', (client) => checkedOut.delete(client as PoolClient));

  function reclaim(client: PoolClient): void {
    if (!checkedOut.has(client)) return;
    const holderRelease = client.release;
    try {
      holderRelease(new Error('connection lost while checked out'));
    } catch {
      return; // released meanwhile
    }
    client.release = () => undefined;
  }
}
