import { randomUUID } from 'node:crypto';
import { ANY, type NewEvent, SqlEventStore, type SqlDatabase } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { readStalls } from './checkpoints.js';
import { defineProjection } from './projection.js';
import { ProjectionStalledError, isTransient } from './projection-failures.js';
import { ProjectionRunner } from './projection-runner.js';
import { InProcessJobQueue } from '../jobs/in-process-job-queue.js';
import { reactorProjection } from '../jobs/reactor.js';

/**
 * Issue 13: a projection that cannot apply an event stops at it and says so, instead of retrying
 * silently every 30 s; a lost connection is still retried for as long as it takes.
 */
describe('a projection that cannot apply an event', () => {
  let db: SqlDatabase;
  let store: SqlEventStore;

  beforeEach(async () => {
    db = await freshPglite();
    store = new SqlEventStore(db, { pollIntervalMs: 20 });
    await store.init();
  });
  afterEach(async () => {
    await store.close();
    await db.close();
  });

  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

  const note = (text: string): NewEvent => ({
    type: 'NoteWritten',
    data: { text },
    metadata: {
      actorId: 'user-1',
      organisationId: null,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    },
  });

  /** Stores each note's text as an integer: "x" is an event no retry will ever apply. */
  const numbers = (fail: { transientTimes: number; fixed?: boolean } = { transientTimes: 0 }) =>
    defineProjection({
      name: 'numbers',
      eventTypes: ['NoteWritten'],
      setup: async (sql) => {
        await sql.query('CREATE TABLE IF NOT EXISTS numbers (position bigint PRIMARY KEY, value integer)');
      },
      reset: async (sql) => {
        await sql.query('DELETE FROM numbers');
      },
      handle: async (event, sql) => {
        if (fail.transientTimes > 0) {
          fail.transientTimes -= 1;
          throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '08006' });
        }
        const { text } = event.data as { text: string };
        const value = fail.fixed && text === 'x' ? '0' : text;
        await sql.query('INSERT INTO numbers VALUES ($1, $2::integer)', [event.globalPosition, value]);
      },
    });

  const runnerOf = (projection: ReturnType<typeof numbers>) =>
    new ProjectionRunner({
      store,
      db,
      projections: [projection],
      retryMs: 20,
      stallAfter: 3,
      lockRetryMs: 100,
    });

  it('stalls at exactly that event of a batch, keeps what came before, and answers waiters at once', async () => {
    await store.append('notes-1', ['1', '2', 'x', '4'].map(note), { expectedVersion: ANY });
    const runner = runnerOf(numbers());
    await runner.start();
    try {
      const stalled = await runner.waitUntilCaughtUp({ timeoutMs: 10_000 }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(stalled).toBeInstanceOf(ProjectionStalledError);
      const { stall } = stalled as ProjectionStalledError;
      expect(stall).toEqual(
        expect.objectContaining({ projection: 'numbers', position: 3, eventType: 'NoteWritten' }),
      );
      // The reason reaches the public /health/ready: the type, never the event's value.
      expect(stall.reason).toBe('invalid input syntax for type integer: "…"');
      expect(runner.status()).toEqual([expect.objectContaining({ state: 'stalled', stall })]);
      expect(await readStalls(db)).toEqual([stall]);
      const { rows } = await db.query<{ value: number }>('SELECT value FROM numbers ORDER BY position');
      expect(rows.map((row) => Number(row.value))).toEqual([1, 2]);

      // At once now: no 10 s wait for a projection that will not move.
      const started = Date.now();
      await expect(runner.waitUntilCaughtUp({ timeoutMs: 10_000 })).rejects.toBeInstanceOf(
        ProjectionStalledError,
      );
      expect(Date.now() - started).toBeLessThan(500);
      expect(await runner.stalls()).toEqual([stall]);
    } finally {
      await runner.stop();
    }

    // Another instance (a standby, or this one restarted) reports the recorded stall too.
    const other = runnerOf(numbers());
    expect(await other.stalls()).toEqual([expect.objectContaining({ projection: 'numbers', position: 3 })]);
  });

  it('a rebuild after the event is dealt with clears the stall', async () => {
    await store.append('notes-2', ['1', 'x'].map(note), { expectedVersion: ANY });
    const behaviour = { transientTimes: 0, fixed: false };
    const runner = runnerOf(numbers(behaviour));
    await runner.start();
    try {
      await expect(runner.waitUntilCaughtUp({ timeoutMs: 10_000 })).rejects.toBeInstanceOf(
        ProjectionStalledError,
      );
      // The fix (in real life a new version of the projection, deployed): "x" now counts as 0.
      behaviour.fixed = true;
      await runner.rebuild('numbers', { timeoutMs: 10_000 });
      expect(await runner.stalls()).toEqual([]);
      expect(runner.status()).toEqual([expect.objectContaining({ state: 'running', stall: null })]);
      expect(await readStalls(db)).toEqual([]);
    } finally {
      await runner.stop();
    }
  });

  it('a rebuild from elsewhere (the CLI) clears the stall, and the stalled instance applies events again', async () => {
    await store.append('notes-4', ['1', 'x', '3'].map(note), { expectedVersion: ANY });
    const behaviour = { transientTimes: 0, fixed: false };
    const running = runnerOf(numbers(behaviour));
    await running.start();
    const cli = runnerOf(numbers(behaviour));
    try {
      await expect(running.waitUntilCaughtUp({ timeoutMs: 10_000 })).rejects.toBeInstanceOf(
        ProjectionStalledError,
      );
      await cli.start(); // stands by: the running instance holds the lock
      expect(cli.status()).toEqual([expect.objectContaining({ state: 'standby' })]);
      await expect(cli.waitUntilCaughtUp({ timeoutMs: 10_000 })).rejects.toBeInstanceOf(
        ProjectionStalledError,
      );
      behaviour.fixed = true;
      await cli.rebuild('numbers', { timeoutMs: 10_000 });
      await running.waitUntilCaughtUp({ timeoutMs: 10_000 });
      expect(running.status()).toEqual([expect.objectContaining({ state: 'running', stall: null })]);
      const { rows } = await db.query<{ value: number }>('SELECT value FROM numbers ORDER BY position');
      expect(rows.map((row) => Number(row.value))).toEqual([1, 0, 3]);
    } finally {
      await cli.stop();
      await running.stop();
    }
  });

  it('retries a lost connection without stalling, however often it fails', async () => {
    await store.append('notes-3', ['1', '2'].map(note), { expectedVersion: ANY });
    const runner = runnerOf(numbers({ transientTimes: 5 }));
    await runner.start();
    try {
      await runner.waitUntilCaughtUp({ timeoutMs: 20_000 });
      expect(await runner.stalls()).toEqual([]);
      const { rows } = await db.query('SELECT value FROM numbers');
      expect(rows).toHaveLength(2);
    } finally {
      await runner.stop();
    }
  });

  it('stalls a reactor at the event it cannot turn into jobs, with the jobs before it queued', async () => {
    await store.append('notes-5', ['1', 'x', '3'].map(note), { expectedVersion: ANY });
    const queue = await InProcessJobQueue.open({ db, logger: quiet });
    let refusals = 0;
    const reactor = reactorProjection(
      {
        name: 'notes',
        eventTypes: ['NoteWritten'],
        // A reactor with a bug for one event: before, it was retried every 30 s for ever.
        jobsFor: (event) => {
          const { text } = event.data as { text: string };
          if (text === 'x') {
            refusals += 1;
            throw new TypeError("Cannot read properties of undefined (reading 'id')");
          }
          return [{ kind: 'note-job', payload: { text } }];
        },
      },
      queue,
    );
    const runner = new ProjectionRunner({
      store,
      db,
      projections: [reactor],
      retryMs: 20,
      stallAfter: 3,
      lockRetryMs: 100,
    });
    await runner.start();
    try {
      const stalled = await runner.waitUntilCaughtUp({ timeoutMs: 10_000 }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(stalled).toBeInstanceOf(ProjectionStalledError);
      expect((stalled as ProjectionStalledError).stall).toEqual(
        expect.objectContaining({ projection: 'reactor-notes', position: 2, eventType: 'NoteWritten' }),
      );
      expect(runner.status()).toEqual([expect.objectContaining({ state: 'stalled' })]);
      const refusedSoFar = refusals;
      await new Promise((done) => setTimeout(done, 300));
      expect(refusals).toBe(refusedSoFar); // stopped: no more silent retries
      // The job of the event before it is queued; none of the event after it.
      const queued = await queue.listJobs({ state: 'queued', limit: 10 });
      expect(queued.items.map((job) => job.payload)).toEqual([{ text: '1' }]);
    } finally {
      await runner.stop();
      await queue.close();
    }
  });

  it('tells a lost server from a refused event', () => {
    const pg = (code: string) => Object.assign(new Error('x'), { code });
    expect(isTransient(pg('08006'))).toBe(true);
    expect(isTransient(pg('57P01'))).toBe(true); // admin shutdown
    expect(isTransient(pg('40001'))).toBe(true); // serialization failure
    expect(isTransient(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(new Error('wrapped', { cause: pg('53300') }))).toBe(true);
    expect(isTransient(pg('22P02'))).toBe(false); // invalid text representation
    expect(isTransient(pg('23505'))).toBe(false); // unique violation
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
