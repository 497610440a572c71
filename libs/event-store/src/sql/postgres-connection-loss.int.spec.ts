import pg from 'pg';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { freePort } from '../../../../test/support/throwaway-services.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './connection-errors.js';
import { openPostgres } from './postgres-database.js';
import type { SqlDatabase } from './sql-database.js';

/**
 * Connections that the server ends under us, as a restart or failover does (57P01), one at a
 * time through pg_terminate_backend (docs/adr/0017). An unhandled 'error' of a `pg` client fails
 * the test (Jest reports an uncaught exception), as it would end the API process.
 */
describeWith(['postgres'], 'PostgreSQL connections the server ends', () => {
  let db: SqlDatabase;
  let admin: pg.Client;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    db = openPostgres(url);
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await db.close();
    await drop();
  });

  /** Ends the backends of this database that run (or last ran) a statement matching `like`. */
  async function terminate(like: string): Promise<number> {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE $1`,
      [like],
    );
    return rows[0]!.n;
  }

  it('fails a transaction whose connection is ended between its statements, and the next one works', async () => {
    const attempt = db.transaction(async (tx) => {
      await tx.query('SELECT 1 AS transaction_marker');
      // The connection sits idle in the transaction while the server ends it: pg emits 'error'
      // on the checked-out client, which pg-pool does not listen for.
      expect(await terminate('SELECT 1 AS transaction_marker')).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.query('SELECT 2');
    });
    const failure: unknown = await attempt.then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(failure)).toBe(true);
    const { rows } = await db.transaction((tx) => tx.query<{ ok: number }>('SELECT 1 AS ok'));
    expect(rows).toEqual([{ ok: 1 }]);
  });

  it('tells the holder of an advisory lock it is lost, and gives the lock again on a new connection', async () => {
    const lock = await db.tryAcquireAdvisoryLock('projection:lost');
    expect(lock).not.toBeNull();
    expect(await terminate('%pg_try_advisory_lock%')).toBe(1);
    const reason = await lock!.lost;
    expect(isDatabaseUnavailable(reason)).toBe(true);
    const again = await db.tryAcquireAdvisoryLock('projection:lost');
    expect(again).not.toBeNull();
    // Held for real on the new session: another session cannot take it.
    const { rows } = await admin.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('projection:lost')) AS locked",
    );
    expect(rows[0]!.locked).toBe(false);
    await again!.release();
  });

  it('listens again on every channel after its connection is ended', async () => {
    const received: string[] = [];
    const unlisten = await db.listen!('laget_comeback', (payload) => received.push(payload));
    expect(await terminate('LISTEN%')).toBe(1);
    // The listener reconnects on its own (backoff from 200 ms) and listens again.
    const deadline = Date.now() + 10_000;
    for (let n = 0; !received.includes('after') && Date.now() < deadline; n++) {
      await db.query(`SELECT pg_notify('laget_comeback', 'after')`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await unlisten();
    expect(received).toContain('after');
  });
});

describe('PostgreSQL that is not there', () => {
  let db: SqlDatabase;

  beforeAll(async () => {
    db = openPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/gone`);
  });
  afterAll(() => db.close());

  it('fails queries and transactions as unavailable, without a process-ending error', async () => {
    const failures = await Promise.all([
      db.query('SELECT 1').then(
        () => null,
        (error: unknown) => error,
      ),
      db
        .transaction((tx) => tx.query('SELECT 1'))
        .then(
          () => null,
          (error: unknown) => error,
        ),
    ]);
    expect(failures.map(isDatabaseUnavailable)).toEqual([true, true]);
  });

  it('backs off asking for advisory locks: after a failed connect the next ask is refused without trying', async () => {
    const first = await db.tryAcquireAdvisoryLock('projection:any').then(
      () => null,
      (error: unknown) => error,
    );
    expect((first as { code?: string }).code).toBe('ECONNREFUSED');
    const second = await db.tryAcquireAdvisoryLock('projection:any').then(
      () => null,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnavailable(second)).toBe(true);
  });

  it('accepts a listener (subscribers poll meanwhile) and keeps trying in the background', async () => {
    const unlisten = await db.listen!('laget_nowhere', () => undefined);
    await unlisten();
  });
});
