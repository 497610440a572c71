import pg from 'pg';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { freshPglite } from '../testing.js';
import { openPostgres } from './postgres-database.js';
import type { SqlDatabase } from './sql-database.js';

/** What both SqlDatabase engines promise: the read models and projections rely on it too. */
function sqlDatabaseContract(open: () => Promise<{ db: SqlDatabase; close: () => Promise<void> }>) {
  let db: SqlDatabase;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, close } = await open()));
  afterAll(() => close());

  it('commits a transaction, and rolls back one whose function throws', async () => {
    await db.query('CREATE TABLE visits (who text PRIMARY KEY)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO visits VALUES ($1)', ['Åsa']);
    });
    const failure = new Error('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO visits VALUES ($1)', ['Örjan']);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await db.query<{ who: string }>('SELECT who FROM visits')).rows).toEqual([{ who: 'Åsa' }]);
  });

  it('answers bigint values as numbers where they fit', async () => {
    const { rows } = await db.query<{ n: unknown; c: unknown }>(
      'SELECT 9007199254740991::bigint AS n, count(*) AS c FROM generate_series(1, 3)',
    );
    expect(rows[0]).toEqual({ n: 9007199254740991, c: 3 });
  });

  it('gives an advisory lock to one holder at a time, and to the next after release', async () => {
    const first = await db.tryAcquireAdvisoryLock('projection:reports');
    expect(first).not.toBeNull();
    expect(await db.tryAcquireAdvisoryLock('projection:reports')).toBeNull();
    const other = await db.tryAcquireAdvisoryLock('projection:audit');
    expect(other).not.toBeNull();
    await first!.release();
    const second = await db.tryAcquireAdvisoryLock('projection:reports');
    expect(second).not.toBeNull();
    await second!.release();
    await other!.release();
  });

  it('delivers notifications to listeners until they stop listening', async () => {
    const received: string[] = [];
    let notified!: () => void;
    const arrived = new Promise<void>((resolve) => (notified = resolve));
    const unlisten = await db.listen!('laget_test', (payload) => {
      received.push(payload);
      notified();
    });
    await db.query(`SELECT pg_notify('laget_test', 'hej')`);
    await arrived;
    await unlisten();
    expect(received).toEqual(['hej']);
  });
}

describe('PGlite database', () => {
  sqlDatabaseContract(async () => {
    const db = await freshPglite();
    return { db, close: () => db.close() };
  });

  it('refuses, rather than hangs on, a query on the database from inside one of its transactions', async () => {
    const db = await freshPglite();
    try {
      await expect(db.transaction(() => db.query('SELECT 1'))).rejects.toThrow(
        /would wait for that transaction/,
      );
      await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toThrow(/nested transaction/);
      // Work begun inside a transaction but run after it has ended is fine.
      let later!: Promise<unknown>;
      await db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        later = new Promise((resolve) => setImmediate(resolve)).then(() => db.query('SELECT 2 AS two'));
      });
      expect(await later).toEqual({ rows: [{ two: 2 }] });
    } finally {
      await db.close();
    }
  });
});

describeWith(['postgres'], 'PostgreSQL database', () => {
  let url: string;
  let drop: () => Promise<void>;
  sqlDatabaseContract(async () => {
    ({ url, drop } = await createTestDatabase());
    const db = openPostgres(url, { max: 4 });
    return {
      db,
      close: async () => {
        await db.close();
        await drop();
      },
    };
  });

  it('keeps bigint values that do not fit a JS number as exact strings', async () => {
    const db = openPostgres(url, { max: 1 });
    try {
      const { rows } = await db.query<{ n: unknown }>('SELECT 9007199254740993::bigint AS n');
      expect(rows[0]!.n).toBe('9007199254740993');
    } finally {
      await db.close();
    }
  });

  it('hands a lock over when the connection of its holder dies', async () => {
    const a = openPostgres(url, { max: 1 });
    const b = openPostgres(url, { max: 1 });
    try {
      const held = await a.tryAcquireAdvisoryLock('reactor:publication');
      expect(held).not.toBeNull();
      expect(await b.tryAcquireAdvisoryLock('reactor:publication')).toBeNull();

      // The holder's server process goes away, as when its instance crashes.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks
           WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
      } finally {
        await admin.end();
      }
      expect(await held!.lost).toBeInstanceOf(Error);
      const taken = await b.tryAcquireAdvisoryLock('reactor:publication');
      expect(taken).not.toBeNull();
      await taken!.release();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('runs transactions on separate connections at the same time', async () => {
    const db = openPostgres(url, { max: 2 });
    try {
      let bothInside!: () => void;
      const gate = new Promise<void>((resolve) => (bothInside = resolve));
      let inside = 0;
      const enter = () => db.transaction(async () => (++inside === 2 ? bothInside() : undefined, await gate));
      await Promise.all([enter(), enter()]);
      expect(inside).toBe(2);
    } finally {
      await db.close();
    }
  });
});
