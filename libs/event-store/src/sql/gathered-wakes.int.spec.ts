import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../event.js';
import { ANY } from '../expected-version.js';
import { freshPglite } from '../testing.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlEventStore } from './sql-event-store.js';
import * as sql from './sql-event-store.sql.js';

/**
 * Under load, appends wake subscribers at most once per gatherMs, so that a read (and the
 * projection transaction after it) serves many events; the first append after a quiet spell
 * wakes them at once.
 */
const metadata: EventMetadata = {
  actorId: 'test',
  organisationId: null,
  correlationId: 'gathered-wakes',
  causationId: null,
  occurredAt: '2024-11-25T08:00:00.000Z',
};

const tick = (n: number) => [{ eventId: randomUUID(), type: 'Ticked', data: { n }, metadata }];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition() && Date.now() < deadline) await sleep(5);
  return condition();
}

describe('SqlEventStore: appends wake subscribers in gathered batches', () => {
  let real: SqlDatabase;
  let db: SqlDatabase;
  let reads = 0;

  beforeAll(async () => {
    real = await freshPglite();
    // Counts the log reads that reach the database; everything else passes through.
    db = {
      ...real,
      engine: real.engine,
      query: (text, params) => {
        if (text === sql.readAll) reads++;
        return real.query(text, params);
      },
      transaction: (fn) => real.transaction(fn),
      tryAcquireAdvisoryLock: (key) => real.tryAcquireAdvisoryLock(key),
      close: () => real.close(),
    };
  });

  afterAll(async () => {
    await real.close();
  });

  /** A store with the given gathering time and one subscriber, caught up; runs `test`, then closes it. */
  async function withSubscriber(
    gatherMs: number,
    test: (store: SqlEventStore, seen: unknown[]) => Promise<void>,
  ): Promise<void> {
    // The poll interval is a minute: only a wake-up delivers in time.
    const store = new SqlEventStore(db, { pollIntervalMs: 60_000, gatherMs });
    await store.init();
    const seen: unknown[] = [];
    const subscription = store.subscribe({ from: null, onEvent: async (e) => void seen.push(e.data) });
    try {
      await subscription.caughtUp();
      await test(store, seen);
    } finally {
      await store.close();
    }
  }

  it('wakes at once after a quiet spell, and holds a second append back for the gathering time', () =>
    withSubscriber(60_000, async (store, seen) => {
      const before = seen.length;
      await store.append('quiet', tick(1), { expectedVersion: ANY });
      expect(await until(() => seen.length === before + 1, 2_000)).toBe(true);

      await store.append('quiet', tick(2), { expectedVersion: ANY });
      await sleep(300);
      expect(seen).toHaveLength(before + 1);
    }));

  it('delivers a burst of appends in far fewer reads than appends', () =>
    withSubscriber(100, async (store, seen) => {
      const before = seen.length;
      const appends = 30;
      reads = 0;
      for (let n = 0; n < appends; n++)
        await store.append(`burst-${n % 3}`, tick(n), { expectedVersion: ANY });
      expect(await until(() => seen.length === before + appends, 5_000)).toBe(true);
      expect(reads).toBeLessThan(appends / 2);
    }));
});
