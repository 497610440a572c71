import {
  type SqlDatabase,
  type SqlExecutor,
  createIndexIfMissing,
  withStartupSchemaLock,
} from '@laget/event-store';
import {
  type EnqueueOptions,
  type JobContext,
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
import { storableJson, storableText } from '../storable-text.js';

export interface InProcessJobQueueOptions {
  /** The read database; the queue keeps its jobs in a `jobs` table there. */
  db: SqlDatabase;
  /** Jobs run at once in this process; default 4. */
  concurrency?: number;
  /** How often to look for due retries and jobs enqueued by another process; default 2 s. */
  pollIntervalMs?: number;
  /** A running job whose process died is taken up again after this; default 5 min. */
  leaseMs?: number;
  logger?: RunnerLogger;
}

interface JobRow {
  id: string;
  kind: string;
  payload: JobPayload;
  state: JobState;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
  result: unknown;
  error: string | null;
  updated_at: Date | string;
}

/**
 * The jobs port without Redis. Jobs run in this process, but are stored in the read database, so
 * a job whose trigger the reactor has already passed is not lost when the process restarts, and
 * `GET /api/jobs/:id` still answers afterwards. Claiming uses `FOR UPDATE SKIP LOCKED`, so two
 * processes on one PostgreSQL never run the same attempt.
 */
export class InProcessJobQueue implements JobQueue {
  readonly backend = 'in-process' as const;
  private readonly processors = new Map<string, JobProcessor>();
  private readonly running = new Set<Promise<void>>();
  private readonly waiters = new SettleWaiters();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly logger: RunnerLogger;
  private filling: Promise<void> | null = null;
  private fillAgain = false;
  private closed = false;

  private constructor(private readonly options: InProcessJobQueueOptions) {
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.logger = options.logger ?? console;
    const poll = setInterval(() => this.fill(), options.pollIntervalMs ?? 2_000);
    poll.unref();
    this.timers.add(poll);
  }

  /** Creates the `jobs` table when missing. */
  static async open(options: InProcessJobQueueOptions): Promise<InProcessJobQueue> {
    await withStartupSchemaLock(options.db, setupJobsTable);
    return new InProcessJobQueue(options);
  }

  async enqueue(
    kind: string,
    jobId: string,
    payload: JobPayload,
    options: EnqueueOptions = {},
  ): Promise<void> {
    assertValidJobId(jobId);
    if (this.closed) throw new Error('The job queue is closed');
    await this.options.db.query(
      `INSERT INTO jobs (id, kind, payload, max_attempts, backoff_ms) VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [
        jobId,
        kind,
        storableJson(payload),
        options.attempts ?? defaultAttempts,
        options.backoffMs ?? defaultBackoffMs,
      ],
    );
    if (this.processors.has(kind)) this.fill();
  }

  async getJob(id: string): Promise<JobView | null> {
    const { rows } = await this.options.db.query<JobRow>(`SELECT * FROM jobs WHERE id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async listJobs({ state, offset = 0, limit }: JobListQuery): Promise<JobList> {
    const { rows } = await this.options.db.query<JobRow>(
      `SELECT * FROM jobs WHERE state = $1 ORDER BY updated_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [state, limit, offset],
    );
    const { rows: counted } = await this.options.db.query<{ total: number | string }>(
      `SELECT count(*) AS total FROM jobs WHERE state = $1`,
      [state],
    );
    return {
      items: rows.map((row) => ({
        ...toView(row),
        payload: row.payload,
        updatedAt: new Date(row.updated_at).toISOString(),
      })),
      total: Number(counted[0]?.total ?? 0),
    };
  }

  registeredKinds(): string[] {
    return [...this.processors.keys()];
  }

  registerProcessor<Payload extends JobPayload>(kind: string, processor: JobProcessor<Payload>): void {
    if (this.processors.has(kind)) throw new Error(`A processor for ${kind} is registered already`);
    this.processors.set(kind, processor as JobProcessor);
    this.fill();
  }

  waitUntilSettled(id: string, timeoutMs = 30_000): Promise<JobView> {
    return this.waiters.wait(id, timeoutMs, (jobId) => this.getJob(jobId));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    while (this.filling || this.running.size > 0) {
      await this.filling;
      await Promise.all([...this.running]);
    }
  }

  /** Claims due jobs up to the concurrency limit and starts them; coalesces overlapping calls. */
  private fill(): void {
    if (this.closed) return;
    if (this.filling) {
      this.fillAgain = true;
      return;
    }
    this.filling = this.claimAndStart()
      .catch((error) => this.logger.error(`Job queue: could not claim jobs: ${describe(error)}`))
      .finally(() => {
        this.filling = null;
        if (this.fillAgain) {
          this.fillAgain = false;
          this.fill();
        }
      });
  }

  private async claimAndStart(): Promise<void> {
    const kinds = [...this.processors.keys()];
    const free = this.concurrency - this.running.size;
    if (kinds.length === 0 || free <= 0) return;
    const { rows } = await this.options.db.query<JobRow>(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_at = now(),
              lease_until = now() + make_interval(secs => $3::double precision / 1000)
        WHERE id IN (
          SELECT id FROM jobs
           WHERE kind = ANY($1::text[])
             AND ((state = 'queued' AND run_at <= now()) OR (state = 'running' AND lease_until < now()))
           ORDER BY run_at, id LIMIT $2
           FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [kinds, free, this.leaseMs],
    );
    for (const row of rows) {
      const run = this.run(row).finally(() => {
        this.running.delete(run);
        this.fill();
      });
      this.running.add(run);
    }
  }

  private async run(row: JobRow): Promise<void> {
    const processor = this.processors.get(row.kind)!;
    const context: JobContext = {
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
    };
    let settled: JobRow | undefined;
    try {
      const result = await processor(context);
      settled = await this.finish(this.options.db, row.id, 'completed', result ?? null, null);
    } catch (error) {
      const final = row.attempts >= row.max_attempts || error instanceof JobRefused;
      const retryInMs = row.backoff_ms * 2 ** (row.attempts - 1);
      this.logger.warn(
        `Job ${row.id} (${row.kind}) attempt ${row.attempts}/${row.max_attempts} failed: ${describe(error)}` +
          (final ? '' : `; retrying in ${retryInMs} ms`),
      );
      try {
        settled = await this.finish(
          this.options.db,
          row.id,
          final ? 'failed' : 'queued',
          null,
          describe(error),
          retryInMs,
        );
      } catch (recordError) {
        this.logger.error(`Job ${row.id}: could not record its failure: ${describe(recordError)}`);
      }
      if (!final) this.wakeAfter(retryInMs);
    }
    if (settled && (settled.state === 'completed' || settled.state === 'failed')) {
      this.waiters.settled(toView(settled));
    }
  }

  private async finish(
    sql: SqlExecutor,
    id: string,
    state: JobState,
    result: unknown,
    error: string | null,
    retryInMs = 0,
  ): Promise<JobRow | undefined> {
    const { rows } = await sql.query<JobRow>(
      `UPDATE jobs SET state = $2, result = $3::jsonb, error = $4, lease_until = NULL, updated_at = now(),
              run_at = now() + make_interval(secs => $5::double precision / 1000)
        WHERE id = $1 RETURNING *`,
      [id, state, storableJson(result), error === null ? null : storableText(error), retryInMs],
    );
    return rows[0];
  }

  private wakeAfter(ms: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.fill();
    }, ms + 1);
    timer.unref();
    this.timers.add(timer);
  }
}

export async function setupJobsTable(sql: SqlExecutor): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS jobs (
      id text PRIMARY KEY,
      kind text NOT NULL,
      payload jsonb NOT NULL,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'completed', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL,
      backoff_ms integer NOT NULL,
      run_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      result jsonb,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  // Guarded: CREATE INDEX IF NOT EXISTS locks the table even when the index exists.
  await createIndexIfMissing(
    sql,
    'jobs_due',
    `CREATE INDEX IF NOT EXISTS jobs_due ON jobs (run_at) WHERE state IN ('queued', 'running')`,
  );
  // Finished jobs stay in the table, so listing one state (GET /api/jobs) must not scan them all.
  await createIndexIfMissing(
    sql,
    'jobs_by_state',
    `CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, updated_at DESC, id DESC)`,
  );
}

function toView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    attempts: Number(row.attempts),
    ...(row.state === 'completed' && row.result !== null ? { result: row.result } : {}),
    ...(row.error !== null && row.state !== 'completed' ? { error: row.error } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
