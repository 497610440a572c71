import type { JobPayload, JobState, JobSummary, JobView } from '@laget/contracts';

/**
 * The jobs port: work that runs after a request has answered (sending e-mail, rendering PDFs,
 * publishing). Two adapters run the same processors: BullMQ on Redis where REDIS_URL is set, and
 * an in-process queue kept in the read database otherwise (the development default).
 *
 * Job ids are chosen by the caller and derive from the event that triggered the job, so a second
 * enqueue of the same id is a no-op: re-delivery is harmless. Payloads carry ids, never content
 * (BullMQ keeps payloads readable in Redis); the processor reads what it needs from the event store.
 */
export type { JobPayload, JobState, JobSummary, JobView } from '@laget/contracts';

export interface JobListQuery {
  state: JobState;
  /** Rows to skip, newest first; default 0. */
  offset?: number;
  limit: number;
}

export interface JobList {
  items: JobSummary[];
  /** Jobs in that state in all, for `X-Total-Count`. */
  total: number;
}

export interface EnqueueOptions {
  /** Attempts before the job counts as failed; default 5. */
  attempts?: number;
  /** First retry delay, doubling after each failure; default 2,000 ms. */
  backoffMs?: number;
}

export interface JobContext<Payload = unknown> {
  id: string;
  kind: string;
  payload: Payload;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Thrown by a processor for work that no retry can do (a publication refused, not failed): the job
 * fails at once with this message, its remaining attempts unused. On BullMQ it becomes BullMQ's
 * own `UnrecoverableError`, which skips the retries the same way.
 */
export class JobRefused extends Error {
  override readonly name: string = 'JobRefused';
}

/**
 * Runs one attempt; a thrown error schedules a retry until the attempts are used up, `JobRefused`
 * fails the job at once. Must be idempotent.
 */
export type JobProcessor<Payload = unknown, Result = unknown> = (job: JobContext<Payload>) => Promise<Result>;

export interface JobQueue {
  readonly backend: 'bullmq' | 'in-process';
  /** Adds the job unless one with this id exists already (then nothing happens). */
  enqueue(kind: string, jobId: string, payload: JobPayload, options?: EnqueueOptions): Promise<void>;
  getJob(id: string): Promise<JobView | null>;
  /** Jobs of every kind in one state, the most recently changed first. */
  listJobs(query: JobListQuery): Promise<JobList>;
  /** Starts running jobs of this kind in this process. */
  registerProcessor<Payload extends JobPayload>(kind: string, processor: JobProcessor<Payload>): void;
  /** The kinds this process runs, for Bull Board and `/health/ready` (whichever feature registered them). */
  registeredKinds(): string[];
  /**
   * Resolves with the job once it has completed or failed for good (all attempts used).
   * Meant for tests and for scripts; it sees outcomes of jobs processed by this instance.
   */
  waitUntilSettled(id: string, timeoutMs?: number): Promise<JobView>;
  /** Stops taking new jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

/** Ids and small flags only: see the port's comment. */

export const defaultAttempts = 5;
export const defaultBackoffMs = 2_000;

/** BullMQ's rules (a `:` breaks its key layout, an all-digit id collides with its own counters), enforced on both backends. */
export function assertValidJobId(id: string): void {
  if (id.length === 0 || id.length > 200)
    throw new Error(`Job id must be 1–200 characters, got ${id.length}`);
  if (id.includes(':')) throw new Error(`Job id must not contain ":" (BullMQ uses it in keys): ${id}`);
  if (/^\d+$/.test(id)) throw new Error(`Job id must not be all digits (BullMQ reserves those): ${id}`);
}

/** The job id for work triggered by an event: stable across re-deliveries of that event. */
export function jobIdFor(kind: string, eventId: string, suffix?: string): string {
  const id = `${kind}-${eventId}${suffix ? `-${suffix}` : ''}`;
  assertValidJobId(id);
  return id;
}

export class JobSettleTimeoutError extends Error {
  override readonly name = 'JobSettleTimeoutError';
  constructor(id: string, timeoutMs: number, last: JobView | null) {
    super(
      `Job ${id} did not settle within ${timeoutMs} ms (${last ? `state ${last.state}` : 'unknown job'})`,
    );
  }
}

/**
 * The callers of `waitUntilSettled` on one queue instance: both adapters keep them the same way,
 * and tell them when a job they ran completed or failed for good.
 */
export class SettleWaiters {
  private readonly waiters = new Map<string, Set<(job: JobView) => void>>();

  wait(id: string, timeoutMs: number, getJob: (id: string) => Promise<JobView | null>): Promise<JobView> {
    return new Promise<JobView>((resolve, reject) => {
      const waiters = this.waiters.get(id) ?? new Set();
      this.waiters.set(id, waiters);
      const done = (job: JobView) => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve(job);
      };
      const timer = setTimeout(() => {
        waiters.delete(done);
        void getJob(id).then((job) => reject(new JobSettleTimeoutError(id, timeoutMs, job)), reject);
      }, timeoutMs);
      waiters.add(done);
      // It may have settled before we started listening.
      void getJob(id).then((job) => {
        if (job && (job.state === 'completed' || job.state === 'failed')) done(job);
      }, reject);
    });
  }

  /** Whether anyone waits for this job (so the adapter can skip building its view). */
  has(id: string): boolean {
    return this.waiters.has(id);
  }

  settled(job: JobView): void {
    for (const waiter of [...(this.waiters.get(job.id) ?? [])]) waiter(job);
    this.waiters.delete(job.id);
  }
}
