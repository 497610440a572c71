import { type Job, type JobType, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  type EnqueueOptions,
  type JobList,
  type JobListQuery,
  type JobPayload,
  type JobProcessor,
  type JobQueue,
  type JobState,
  type JobView,
  JobRefused,
  SettleWaiters,
  assertValidJobId,
  defaultAttempts,
  defaultBackoffMs,
} from './job-queue.js';
import type { RunnerLogger } from '../projections/projection-worker.js';

export interface BullmqJobQueueOptions {
  redisUrl: string;
  /** BullMQ's key prefix in Redis; tests use a unique one per run. Default `laget`. */
  prefix?: string;
  /** Jobs of one kind run at once by this instance's worker for it; default 4. */
  concurrency?: number;
  logger?: RunnerLogger;
}

const day = 24 * 60 * 60;

/**
 * The jobs port on BullMQ: one queue per job kind, so that an instance only ever takes jobs it
 * has a processor for. Any instance may enqueue, and every instance that registered a processor
 * runs jobs of that kind. A job added with an id that exists already is left as it is, which
 * makes re-delivery from the reactor harmless. Finished jobs are kept for a while (30 days
 * completed, 90 days failed) so that `GET /api/jobs/:id` can answer and a late duplicate is
 * still ignored.
 */
export class BullmqJobQueue implements JobQueue {
  readonly backend = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Map<string, Worker>();
  private readonly processors = new Map<string, JobProcessor>();
  private readonly announced = new Set<string>();
  private readonly waiters = new SettleWaiters();
  private readonly logger: RunnerLogger;
  private closing: Promise<void> | null = null;
  private readonly workerConnections: Redis[] = [];

  constructor(private readonly options: BullmqJobQueueOptions) {
    this.logger = options.logger ?? console;
    this.connection = redisConnection(options.redisUrl);
  }

  private get prefix(): string {
    return this.options.prefix ?? 'laget';
  }

  /** Every kind ever enqueued, so that getJob in any instance knows which queues to look in. */
  private get kindsKey(): string {
    return `${this.prefix}:laget-job-kinds`;
  }

  async enqueue(
    kind: string,
    jobId: string,
    payload: JobPayload,
    options: EnqueueOptions = {},
  ): Promise<void> {
    assertValidJobId(jobId);
    if (!this.announced.has(kind)) {
      await this.connection.sadd(this.kindsKey, kind);
      this.announced.add(kind);
    }
    await this.queue(kind).add(kind, payload, {
      jobId,
      attempts: options.attempts ?? defaultAttempts,
      backoff: { type: 'exponential', delay: options.backoffMs ?? defaultBackoffMs },
      removeOnComplete: { age: 30 * day },
      removeOnFail: { age: 90 * day },
    });
  }

  async getJob(id: string): Promise<JobView | null> {
    for (const kind of await this.knownKinds()) {
      const queue = this.queue(kind);
      const job = await queue.getJob(id);
      if (!job) continue;
      const state = stateOf(await job.getState());
      // The job may have finished between reading it and reading its state: a finished job read
      // before it finished has no result yet, so read it again (BullMQ writes both at once).
      const settled = state === 'completed' || state === 'failed';
      const current = settled && job.finishedOn === undefined ? ((await queue.getJob(id)) ?? job) : job;
      return toView(current, state);
    }
    return null;
  }

  /**
   * Each kind has its own queue, so this reads the first `offset + limit` of every queue (each
   * already newest first) and merges them: enough for any page, and bounded by what Redis holds.
   */
  async listJobs({ state, offset = 0, limit }: JobListQuery): Promise<JobList> {
    const types = bullTypesOf[state];
    const perQueue = await Promise.all(
      [...(await this.knownKinds())].map(async (kind) => {
        const queue = this.queue(kind);
        const [jobs, count] = await Promise.all([
          queue.getJobs(types, 0, offset + limit - 1, false),
          queue.getJobCountByTypes(...types),
        ]);
        return { jobs, count };
      }),
    );
    const newestFirst = perQueue
      .flatMap(({ jobs }) => jobs)
      .sort((a, b) => changedAt(b) - changedAt(a) || b.id!.localeCompare(a.id!));
    return {
      items: newestFirst.slice(offset, offset + limit).map((job) => ({
        ...toView(job, state),
        payload: job.data as JobPayload,
        updatedAt: new Date(changedAt(job)).toISOString(),
      })),
      total: perQueue.reduce((sum, { count }) => sum + count, 0),
    };
  }

  registeredKinds(): string[] {
    return [...this.processors.keys()];
  }

  registerProcessor<Payload extends JobPayload>(kind: string, processor: JobProcessor<Payload>): void {
    if (this.processors.has(kind)) throw new Error(`A processor for ${kind} is registered already`);
    this.processors.set(kind, processor as JobProcessor);
    this.workers.set(kind, this.startWorker(kind, processor as JobProcessor));
  }

  waitUntilSettled(id: string, timeoutMs = 30_000): Promise<JobView> {
    return this.waiters.wait(id, timeoutMs, (jobId) => this.getJob(jobId));
  }

  /** Lets running jobs finish (Worker.close waits for them), then disconnects. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.workers.values()].map((worker) => worker.close()));
      await Promise.all([...this.queues.values()].map((queue) => queue.close()));
      // BullMQ leaves connections it was handed open: they are ours to end.
      for (const connection of this.workerConnections) connection.disconnect();
      this.connection.disconnect();
    })();
    return this.closing;
  }

  /** Every kind any instance has enqueued, so that a job is found whichever instance added it. */
  private async knownKinds(): Promise<Set<string>> {
    return new Set([...(await this.connection.smembers(this.kindsKey)), ...this.processors.keys()]);
  }

  private queue(kind: string): Queue {
    let queue = this.queues.get(kind);
    if (!queue) {
      queue = new Queue(kind, { connection: this.connection, prefix: this.prefix });
      // While Redis is away (issue 21) every reconnect attempt errors; /health/ready reports it.
      queue.on('error', (error) => this.logger.warn(`BullMQ queue ${kind}: ${error.message}`));
      this.queues.set(kind, queue);
    }
    return queue;
  }

  private startWorker(kind: string, processor: JobProcessor): Worker {
    // A worker blocks on its connection, so it gets one of its own.
    const connection = redisConnection(this.options.redisUrl);
    this.workerConnections.push(connection);
    const worker = new Worker(
      kind,
      async (job: Job) => {
        try {
          return await processor({
            id: job.id!,
            kind,
            payload: job.data as JobPayload,
            attempt: job.attemptsStarted,
            maxAttempts: job.opts.attempts ?? 1,
          });
        } catch (error) {
          // BullMQ's own way of failing a job without its retries.
          if (error instanceof JobRefused) throw new UnrecoverableError(error.message);
          throw error;
        }
      },
      {
        connection,
        prefix: this.prefix,
        concurrency: this.options.concurrency ?? 4,
      },
    );
    // The event's own result: job.returnvalue is not always set on the instance the event carries.
    worker.on('completed', (job, result) => this.notify(job, 'completed', result));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
      this.logger.warn(
        `Job ${job.id} (${job.name}) attempt ${job.attemptsMade}/${job.opts.attempts ?? 1} failed: ${error.message}`,
      );
      if (final) this.notify(job, 'failed');
    });
    worker.on('error', (error) => this.logger.error(`BullMQ worker for ${kind}: ${error.message}`));
    return worker;
  }

  private notify(job: Job, state: 'completed' | 'failed', result?: unknown): void {
    if (!this.waiters.has(job.id!)) return;
    this.waiters.settled(toView(job, state, result));
  }
}

/** BullMQ's workers need `maxRetriesPerRequest: null` (they block; a retry limit would throw instead). */
export function redisConnection(url: string): Redis {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  // ioredis prints an error without a listener to the console on every reconnect attempt while
  // Redis is away; BullMQ's queues and workers report it already (and /health/ready says so).
  connection.on('error', () => undefined);
  return connection;
}

function toView(job: Job, state: JobState, result: unknown = job.returnvalue): JobView {
  return {
    id: job.id!,
    kind: job.name,
    state,
    attempts: job.attemptsStarted,
    ...(state === 'completed' && result !== undefined && result !== null ? { result } : {}),
    ...(state !== 'completed' && job.failedReason ? { error: job.failedReason } : {}),
  };
}

/** The BullMQ lists and sets that hold the jobs of each contract state (the reverse of `stateOf`). */
const bullTypesOf: Record<JobState, JobType[]> = {
  queued: ['waiting', 'delayed', 'prioritized', 'waiting-children'],
  running: ['active'],
  completed: ['completed'],
  failed: ['failed'],
};

/** When the job entered the state it is in: finished, else started, else added (ms since epoch). */
function changedAt(job: Job): number {
  return job.finishedOn ?? job.processedOn ?? job.timestamp;
}

function stateOf(bullState: string): JobState {
  switch (bullState) {
    case 'active':
      return 'running';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    default:
      // waiting, delayed (a retry's backoff), prioritized, waiting-children, unknown
      return 'queued';
  }
}
