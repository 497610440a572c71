import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type SqlDatabase, openPostgres } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { createTestDatabase, describeWith, testRedisUrl } from '../../../../../test/support/services.js';
import { BullmqJobQueue } from './bullmq-job-queue.js';
import { InProcessJobQueue } from './in-process-job-queue.js';
import { type JobContext, type JobQueue, JobRefused } from './job-queue.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

interface Backend {
  name: string;
  services: Array<'postgres' | 'redis'>;
  open(): Promise<{ queue: JobQueue; another(): Promise<JobQueue>; close(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'in-process on PGlite',
    services: [],
    open: async () => {
      const db = await freshPglite();
      const queue = await InProcessJobQueue.open({ db, logger: quiet });
      return {
        queue,
        another: () => InProcessJobQueue.open({ db, logger: quiet }),
        close: async () => (await queue.close(), await db.close()),
      };
    },
  },
  {
    name: 'in-process on PostgreSQL',
    services: ['postgres'],
    open: async () => {
      const database = await createTestDatabase();
      const db: SqlDatabase = openPostgres(database.url);
      const queue = await InProcessJobQueue.open({ db, logger: quiet });
      return {
        queue,
        another: () => InProcessJobQueue.open({ db, logger: quiet }),
        close: async () => {
          await queue.close();
          await db.close();
          await database.drop();
        },
      };
    },
  },
  {
    name: 'BullMQ on Redis',
    services: ['redis'],
    open: async () => {
      // Unique per run: BullMQ's keys stay apart from other runs and from the application's.
      const prefix = `laget-test-${randomUUID()}`;
      const queue = new BullmqJobQueue({ redisUrl: testRedisUrl, prefix, logger: quiet });
      return {
        queue,
        another: async () => new BullmqJobQueue({ redisUrl: testRedisUrl, prefix, logger: quiet }),
        close: async () => {
          await queue.close();
          await deleteKeys(prefix);
        },
      };
    },
  },
];

/** Removes what a test prefix left in Redis (BullMQ's workers keep a few bookkeeping keys). */
async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

for (const backend of backends) {
  describeWith(backend.services, `JobQueue: ${backend.name}`, () => {
    let queue: JobQueue;
    let close: () => Promise<void>;
    let another: () => Promise<JobQueue>;
    const runs: JobContext[] = [];

    beforeAll(async () => {
      ({ queue, close, another } = await backend.open());
      queue.registerProcessor<{ n: number }>('double', async (job) => {
        runs.push(job);
        return { doubled: job.payload.n * 2 };
      });
      // Fails until the attempt named in the payload, so retries and final failure can be seen.
      queue.registerProcessor<{ succeedOnAttempt: number; tag: string }>('flaky', async (job) => {
        runs.push(job);
        if (job.attempt < job.payload.succeedOnAttempt) throw new Error(`försök ${job.attempt} misslyckades`);
        return 'ok';
      });
      queue.registerProcessor<{ tag: string }>('refused', async (job) => {
        runs.push(job);
        throw new JobRefused('Kartan är inte den som godkändes');
      });
    });
    afterAll(async () => {
      await close();
    });

    it('runs a job and reports it as in the contract', async () => {
      const id = `double-${randomUUID()}`;
      await queue.enqueue('double', id, { n: 21 }, { backoffMs: 10 });
      const settled = await queue.waitUntilSettled(id);
      expect(settled).toEqual({
        id,
        kind: 'double',
        state: 'completed',
        attempts: 1,
        result: { doubled: 42 },
      });
      expect(await queue.getJob(id)).toEqual(settled);
      expect(runs.filter((r) => r.id === id)).toEqual([
        { id, kind: 'double', payload: { n: 21 }, attempt: 1, maxAttempts: 5 },
      ]);
    });

    it('ignores a second enqueue with the same id (re-delivery is harmless)', async () => {
      const id = `double-${randomUUID()}`;
      await Promise.all([
        queue.enqueue('double', id, { n: 1 }),
        queue.enqueue('double', id, { n: 2 }),
        queue.enqueue('double', id, { n: 3 }),
      ]);
      await queue.waitUntilSettled(id);
      await queue.enqueue('double', id, { n: 4 });
      expect((await queue.getJob(id))?.state).toBe('completed');
      expect(runs.filter((r) => r.id === id)).toHaveLength(1);
    });

    it('retries with backoff until an attempt succeeds', async () => {
      const id = `flaky-${randomUUID()}`;
      await queue.enqueue('flaky', id, { succeedOnAttempt: 3, tag: id }, { attempts: 4, backoffMs: 10 });
      const settled = await queue.waitUntilSettled(id);
      expect(settled).toMatchObject({ state: 'completed', attempts: 3, result: 'ok' });
      expect(runs.filter((r) => r.id === id).map((r) => r.attempt)).toEqual([1, 2, 3]);
    });

    it('fails for good when the attempts are used up, keeping the last error', async () => {
      const id = `flaky-${randomUUID()}`;
      await queue.enqueue('flaky', id, { succeedOnAttempt: 99, tag: id }, { attempts: 2, backoffMs: 10 });
      const settled = await queue.waitUntilSettled(id);
      expect(settled).toEqual({
        id,
        kind: 'flaky',
        state: 'failed',
        attempts: 2,
        error: 'försök 2 misslyckades',
      });
    });

    it('fails a refused job at once, its other attempts unused, with the refusal as its error', async () => {
      const id = `refused-${randomUUID()}`;
      await queue.enqueue('refused', id, { tag: id }, { attempts: 5, backoffMs: 10 });
      const settled = await queue.waitUntilSettled(id);
      expect(settled).toEqual({
        id,
        kind: 'refused',
        state: 'failed',
        attempts: 1,
        error: 'Kartan är inte den som godkändes',
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runs.filter((r) => r.id === id)).toHaveLength(1);
    });

    it('lists failed jobs of every kind, the latest failure first, with what they were for', async () => {
      const before = await queue.listJobs({ state: 'failed', limit: 100 });
      const first = `flaky-${randomUUID()}`;
      await queue.enqueue('flaky', first, { succeedOnAttempt: 99, tag: 'v48' }, { attempts: 1 });
      await queue.waitUntilSettled(first);
      // Timestamps may be millisecond-coarse: make "later" unambiguous.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = `flaky-${randomUUID()}`;
      await queue.enqueue('flaky', second, { succeedOnAttempt: 99, tag: 'v49' }, { attempts: 1 });
      await queue.waitUntilSettled(second);
      const succeeded = `double-${randomUUID()}`;
      await queue.enqueue('double', succeeded, { n: 1 });
      await queue.waitUntilSettled(succeeded);

      const failed = await queue.listJobs({ state: 'failed', limit: 2 });
      expect(failed.total).toBe(before.total + 2);
      expect(failed.items).toEqual([
        {
          id: second,
          kind: 'flaky',
          state: 'failed',
          attempts: 1,
          error: 'försök 1 misslyckades',
          payload: { succeedOnAttempt: 99, tag: 'v49' },
          updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        expect.objectContaining({ id: first, payload: { succeedOnAttempt: 99, tag: 'v48' } }),
      ]);
      expect(Date.parse(failed.items[0]!.updatedAt)).toBeGreaterThan(Date.parse(failed.items[1]!.updatedAt));

      const nextPage = await queue.listJobs({ state: 'failed', offset: 1, limit: 1 });
      expect(nextPage.items.map((job) => job.id)).toEqual([first]);
      const completed = await queue.listJobs({ state: 'completed', limit: 100 });
      expect(completed.items.map((job) => job.id)).toContain(succeeded);
      expect(completed.items.map((job) => job.id)).not.toContain(second);
    });

    it('shows queued and running states, and close() lets the running job finish', async () => {
      const waiting = `nobody-${randomUUID()}`;
      await queue.enqueue('no-processor-here', waiting, {});
      expect(await queue.getJob(waiting)).toEqual({
        id: waiting,
        kind: 'no-processor-here',
        state: 'queued',
        attempts: 0,
      });
      expect(await queue.getJob(`missing-${randomUUID()}`)).toBeNull();

      // A second instance on the same store, since this one gets closed.
      const own = { queue: await another() };
      const started = gate();
      const release = gate();
      let finished = false;
      own.queue.registerProcessor('slow', async () => {
        started.open();
        await release.opened;
        finished = true;
        return 'klar';
      });
      const id = `slow-${randomUUID()}`;
      await own.queue.enqueue('slow', id, {});
      await started.opened;
      expect((await own.queue.getJob(id))?.state).toBe('running');
      const closing = own.queue.close();
      release.open();
      await closing;
      expect(finished).toBe(true);
    });

    it('refuses job ids that BullMQ cannot store', async () => {
      await expect(queue.enqueue('double', 'a:b', { n: 1 })).rejects.toThrow(/":"/);
      await expect(queue.enqueue('double', '12345', { n: 1 })).rejects.toThrow(/digits/);
    });
  });
}
