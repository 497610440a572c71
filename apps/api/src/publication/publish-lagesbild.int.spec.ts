import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createTestDatabase, describeWith, testRedisUrl } from '../../../../test/support/services.js';
import { AppConfig } from '../config/app-config.js';
import { approveAsItStands } from '../lagesbild/fixtures/approve-as-it-stands.js';
import { background, weekReports } from '../lagesbild/fixtures/reports.fixture.js';
import { lagesbildDecider, lagesbildStreamId } from '../lagesbild/lagesbild.decider.js';
import { SystemClock } from '../platform/commands/clock.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { systemContext } from '../platform/commands/request-context.js';
import { BullmqJobQueue, redisConnection } from '../platform/jobs/bullmq-job-queue.js';
import { openStores, type Stores } from '../platform/stores.js';
import { PublicationArtefacts } from './publication-artefacts.js';
import { publicationBuses } from './testing/publication-buses.js';
import {
  PUBLISH_LAGESBILD,
  type PublishDependencies,
  type PublishLagesbildPayload,
  type PublishStep,
  publicationJobIdFor,
  publishLagesbildProcessor,
} from './publish-lagesbild.job.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const municipality = { name: 'Norbergs kommun' };

describeWith(['postgres', 'redis'], 'publish-lagesbild job on BullMQ: crashes, duplicates, failure', () => {
  let drop: () => Promise<void>;
  let stores: Stores;
  let commands: CommandRunner;
  let artefacts: PublicationArtefacts;
  let buses: Awaited<ReturnType<typeof publicationBuses>>;
  const clock = new SystemClock();
  const prefix = `laget-test-${randomUUID()}`;
  let week = 10;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    stores = await openStores(
      AppConfig.fromEnvironment({ EVENT_STORE: 'postgres', DATABASE_URL: database.url }),
    );
    commands = new CommandRunner(stores.eventStore, clock);
    buses = await publicationBuses(commands);
    artefacts = await PublicationArtefacts.open(stores.readDb);
  });

  afterAll(async () => {
    const redis = new Redis(testRedisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await buses?.close();
    await stores?.close();
    await drop?.();
  });

  /** A compiled, approved week with its publication requested; returns the job the reactor would add. */
  async function approvedWeek(): Promise<{
    period: string;
    jobId: string;
    payload: PublishLagesbildPayload;
  }> {
    const period = `2024-W${String(week++).padStart(2, '0')}`;
    const stream = lagesbildStreamId(period);
    const run = (command: Parameters<ReturnType<typeof lagesbildDecider>['decide']>[0]) =>
      commands.run(stream, lagesbildDecider(), command, { context: systemContext() });
    await run({ type: 'CompileLagesbild', data: { period, background, reports: weekReports, actorId: 'c' } });
    await approveAsItStands(run, 'c');
    const { events } = await run({ type: 'RequestPublication', data: { actorId: 'c' } });
    return {
      period,
      jobId: publicationJobIdFor(events[0]!.eventId),
      payload: { period, publicationNumber: 1 },
    };
  }

  async function eventsOf(period: string, type: string): Promise<number> {
    return (await stores.eventStore.readStream(lagesbildStreamId(period))).filter((e) => e.type === type)
      .length;
  }

  function bullProcessor(deps: Partial<PublishDependencies> = {}) {
    const processor = publishLagesbildProcessor({
      ...buses,
      artefacts,
      clock,
      municipality,
      ...deps,
    });
    return (job: Job) =>
      processor({
        id: job.id!,
        kind: job.name,
        payload: job.data as PublishLagesbildPayload,
        attempt: job.attemptsStarted,
        maxAttempts: job.opts.attempts ?? 1,
      });
  }

  const steps: PublishStep[] = ['loaded', 'content-stored', 'pdf-stored', 'recorded'];

  it.each(steps)(
    'a worker killed after "%s" is taken over by another, and the week is published exactly once',
    async (crashStep) => {
      const { period, jobId, payload } = await approvedWeek();
      const queueName = `crash-${crashStep}`;
      const connections = [redisConnection(testRedisUrl), redisConnection(testRedisUrl)];
      const queue = new Queue(queueName, { connection: connections[0]!, prefix });
      const events = new QueueEvents(queueName, { connection: { url: testRedisUrl }, prefix });
      await events.waitUntilReady();

      // The first worker stops dead at the step, as if its process had been killed there.
      let reached!: () => void;
      const atCrash = new Promise<void>((resolve) => (reached = resolve));
      let revive!: () => void;
      const dead = new Promise<void>((resolve) => (revive = resolve));
      let zombie: Promise<unknown> | undefined;
      const crashing = bullProcessor({
        afterStep: async (step) => {
          if (step !== crashStep) return;
          reached();
          await dead;
        },
      });
      const first = new Worker(
        queueName,
        (job) => {
          zombie = crashing(job);
          return zombie;
        },
        // stalledInterval throttles the check queue-wide (a key in Redis), so it is short here too.
        { connection: connections[1]!, prefix, lockDuration: 1_000, stalledInterval: 300 },
      );
      await queue.add(PUBLISH_LAGESBILD, payload, { jobId, attempts: 3 });
      await atCrash;
      await first.close(true);

      // A second worker finds the job stalled (its lock expired) and runs it again.
      const second = new Worker(queueName, bullProcessor(), {
        connection: { url: testRedisUrl },
        prefix,
        // Long enough for a cold PDF render (CPU-bound: the lock is not renewed meanwhile).
        lockDuration: 15_000,
        stalledInterval: 300,
        maxStalledCount: 1,
      });
      try {
        const job = (await Job.fromId(queue, jobId))!;
        const result = (await job.waitUntilFinished(events, 30_000)) as { publicationNumber: number };
        expect(result.publicationNumber).toBe(1);
        expect(await eventsOf(period, 'LagesbildPublished')).toBe(1);
        const rendering = await artefacts.rendering(period, 1);
        expect(rendering?.pdfHash).toMatch(/^[0-9a-f]{64}$/);
        // LagesbildPublished names the exact PDF the public gets.
        const published = (await stores.eventStore.readStream(lagesbildStreamId(period))).find(
          (e) => e.type === 'LagesbildPublished',
        );
        expect((published?.data as { pdfHash?: string }).pdfHash).toBe(rendering?.pdfHash);

        // The killed run comes back to life late (a paused VM): it still publishes nothing twice.
        revive();
        await zombie?.catch(() => undefined);
        expect(await eventsOf(period, 'LagesbildPublished')).toBe(1);
        expect(await eventsOf(period, 'PublicationFailed')).toBe(0);
        expect(await artefacts.rendering(period, 1)).toEqual(rendering);
      } finally {
        await second.close();
        await events.close();
        await queue.close();
        for (const connection of connections) connection.disconnect();
      }
    },
  );

  it('a job that keeps failing ends failed, visible with its error, and lets the week be published again', async () => {
    const { period, jobId, payload } = await approvedWeek();
    const jobs = new BullmqJobQueue({ redisUrl: testRedisUrl, prefix: `${prefix}-failing`, logger: quiet });
    try {
      jobs.registerProcessor(
        PUBLISH_LAGESBILD,
        publishLagesbildProcessor({
          ...buses,
          artefacts,
          clock,
          municipality,
          afterStep: async (step) => {
            if (step === 'content-stored') throw new Error('disk full');
          },
        }),
      );
      await jobs.enqueue(PUBLISH_LAGESBILD, jobId, payload, { attempts: 3, backoffMs: 10 });
      const settled = await jobs.waitUntilSettled(jobId, 30_000);
      expect(settled).toMatchObject({ id: jobId, state: 'failed', attempts: 3, error: 'disk full' });
      expect(await eventsOf(period, 'PublicationFailed')).toBe(1);
      expect(await eventsOf(period, 'LagesbildPublished')).toBe(0);
      const { state } = await commands.load(lagesbildStreamId(period), lagesbildDecider());
      expect(state.status).toBe('approved');
    } finally {
      await jobs.close();
    }
  });

  it('refuses to publish content that is not the approved revision', async () => {
    const { period } = await approvedWeek();
    // Forge a second request for content that was never approved by changing the stored hash.
    const processor = publishLagesbildProcessor({ ...buses, artefacts, clock, municipality });
    await stores.eventStore.append(
      lagesbildStreamId(period),
      [
        {
          type: 'PublicationRequested',
          data: { publicationNumber: 2, revision: 1, contentHash: 'f'.repeat(64), correction: null, by: 'x' },
          metadata: {
            actorId: 'x',
            organisationId: null,
            correlationId: 'x',
            causationId: null,
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      // After the compile, the dismissals of the fixture's suggestions, the approval and the request.
      { expectedVersion: (await stores.eventStore.readStream(lagesbildStreamId(period))).length },
    );
    await expect(
      processor({
        id: 'forged',
        kind: PUBLISH_LAGESBILD,
        payload: { period, publicationNumber: 2 },
        attempt: 1,
        maxAttempts: 5,
      }),
    ).rejects.toThrow(/not the approved/);
    expect(await eventsOf(period, 'PublicationFailed')).toBe(1);
    expect(await artefacts.rendering(period, 2)).toBeNull();
  });
});
