import { randomUUID } from 'node:crypto';
import type { EventMetadata, RecordedEvent } from '../event.js';
import { ANY } from '../expected-version.js';
import { freshPglite } from '../testing.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlEventStore } from './sql-event-store.js';
import * as sql from './sql-event-store.sql.js';

/**
 * Subscribers at the same checkpoint share one read of the log. A shared read must never be one
 * that started before the append a subscriber was woken for: it would miss that event, and with
 * a long poll interval the subscriber would sit on it until the next poll.
 */
const metadata: EventMetadata = {
  actorId: 'test',
  organisationId: null,
  correlationId: 'shared-reads',
  causationId: null,
  occurredAt: '2024-11-25T08:00:00.000Z',
};

describe('SqlEventStore: subscribers share reads without missing a wake-up', () => {
  let db: SqlDatabase;
  let reads = 0;
  /** Holds each log read's answer back this long after the database gave it: a read "in flight". */
  let readLatencyMs = 0;
  let store: SqlEventStore;

  beforeAll(async () => {
    const real = await freshPglite();
    // Counts the log reads that reach the database; everything else passes through.
    db = {
      ...real,
      engine: real.engine,
      query: async (text, params) => {
        if (text !== sql.readAll) return real.query(text, params);
        reads++;
        const answer = await real.query(text, params);
        if (readLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, readLatencyMs));
        return answer as never;
      },
      transaction: (fn) => real.transaction(fn),
      tryAcquireAdvisoryLock: (key) => real.tryAcquireAdvisoryLock(key),
      close: () => real.close(),
    };
    store = new SqlEventStore(db, { pollIntervalMs: 60_000 });
    await store.init();
  });

  afterAll(async () => {
    await store.close();
    await db.close();
  });

  it('delivers every append to ten subscribers at once, with fewer reads than subscribers × appends', async () => {
    const subscribers = 10;
    const appends = 40;
    const seen = Array.from({ length: subscribers }, () => [] as string[]);
    const waiters = new Set<() => void>();
    const subscriptions = seen.map((received) =>
      store.subscribe({
        from: null,
        onEvent: async (event: RecordedEvent) => {
          received.push(event.eventId);
          for (const wake of waiters) wake();
        },
      }),
    );
    const everyoneHas = (eventId: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not delivered to all: ${eventId}`)), 3_000);
        const check = () => {
          if (seen.every((received) => received.includes(eventId))) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      });

    reads = 0;
    for (let n = 0; n < appends; n++) {
      const eventId = randomUUID();
      // Appends land while the subscribers' previous reads may still be running.
      await store.append(`shared-${n % 3}`, [{ eventId, type: 'Ticked', data: { n }, metadata }], {
        expectedVersion: ANY,
      });
      await everyoneHas(eventId);
    }
    for (const received of seen) expect(received).toHaveLength(appends);
    expect(reads).toBeLessThan(subscribers * appends);
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
  });

  it('does not hand a subscriber woken by an append a read that started before it', async () => {
    await store.append('late-wake', [{ type: 'Started', data: {}, metadata }], { expectedVersion: ANY });
    const from = null;
    const secondSaw: string[] = [];
    const first = store.subscribe({ from, onEvent: async () => undefined });
    const second = store.subscribe({ from, onEvent: async (event) => void secondSaw.push(event.eventId) });
    await Promise.all([first.caughtUp(), second.caughtUp()]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // both asleep, no read running

    readLatencyMs = 300;
    try {
      // The first subscriber starts a read; its answer (without the event below) arrives late.
      void first.caughtUp();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const eventId = randomUUID();
      await store.append('late-wake', [{ eventId, type: 'Ticked', data: {}, metadata }], {
        expectedVersion: ANY,
      });
      // The poll interval is a minute: only a fresh read brings the event within the second.
      const deadline = Date.now() + 1_500;
      while (!secondSaw.includes(eventId) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(secondSaw).toContain(eventId);
    } finally {
      readLatencyMs = 0;
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
