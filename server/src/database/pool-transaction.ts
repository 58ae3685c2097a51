/** One transaction on a pooled client: COMMIT on success, ROLLBACK on throw. */
import type pg from 'pg';

/**
 * Runs `work` in one transaction on a client of `pool`. `setup` (transaction-local settings, a lock) is sent
 * with BEGIN, in the same round trip.
 */
export async function inPoolTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, setup?: string): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(setup ? `BEGIN; ${setup}` : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A client whose ROLLBACK fails is in an unknown state: destroy it rather than return it to the pool.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
