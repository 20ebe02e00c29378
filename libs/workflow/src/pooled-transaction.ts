import type { Pool, PoolClient, QueryResult } from 'pg';
import type { Sql } from '@liaison/data';

/**
 * A transaction driven by hand on a connection of the ORM's own pool: the write path sends its statements in a few
 * multi-statement messages (one round trip each) instead of one round trip per statement through the ORM.
 * The messages themselves begin and commit; whatever is thrown in between rolls back.
 */
export class PooledTransaction {
  private constructor(private readonly client: PoolClient) {}

  static async run<T>(pool: Pool, work: (transaction: PooledTransaction) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await work(new PooledTransaction(client));
    } catch (error) {
      // outside a transaction (committed, or never begun) this is only a warning
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Sends the statements as one message, their values inlined (the simple protocol takes no parameters); one result
   * per statement.
   */
  async send<Row extends object = Record<string, unknown>>(statements: readonly Sql[]): Promise<QueryResult<Row>[]> {
    const text = statements.map((statement) => statement.inline()).join(';\n');
    const results = (await this.client.query(text)) as QueryResult<Row> | QueryResult<Row>[];
    return Array.isArray(results) ? results : [results];
  }
}
