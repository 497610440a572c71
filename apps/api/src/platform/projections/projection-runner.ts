import {
  type EventStore,
  type RecordedEvent,
  type SqlDatabase,
  withStartupSchemaLock,
} from '@laget/event-store';
import { readStalls, setupCheckpointTable } from './checkpoints.js';
import type { ProjectionStall } from './projection-failures.js';
import type { Projection } from './projection.js';
import { ProjectionWorker, type RunnerLogger, type WorkerState } from './projection-worker.js';
import { Upcasters } from './upcasters.js';

export interface ProjectionRunnerOptions {
  /** The event log. */
  store: EventStore;
  /** Where the read models and checkpoints live (may be the event store's own database). */
  db: SqlDatabase;
  projections: readonly Projection[];
  upcasters?: Upcasters;
  logger?: RunnerLogger;
  /** Most events per transaction while catching up; default 1,000. */
  batchSize?: number;
  /** Standby take-over attempts and the running instance's checkpoint check; default 5 s. */
  lockRetryMs?: number;
  /** First pause after a failed batch (doubling up to 30 s); default 1 s. */
  retryMs?: number;
  /** Failures of one event (not transient ones) before the projection stalls at it; default 3. */
  stallAfter?: number;
}

export interface WaitOptions {
  /**
   * Default 30 s; then a ProjectionLagError names the projection that lags and why. A stalled
   * projection throws ProjectionStalledError at once.
   */
  timeoutMs?: number;
  /** Only these projections (by name); default all. */
  only?: readonly string[];
}

export interface ProjectionStatus {
  name: string;
  state: WorkerState;
  lastError: string | null;
  stall: ProjectionStall | null;
}

/**
 * Runs a set of projections: creates their tables, then in each one catches up from its stored
 * checkpoint and follows the log live, in whichever instance holds its advisory lock.
 *
 * The lead wires one of these into Nest as a provider (start on bootstrap, stop on shutdown);
 * read-after-write HTTP handlers and tests call `waitUntilCaughtUp()`.
 */
export class ProjectionRunner {
  private readonly workers = new Map<string, ProjectionWorker>();
  private started = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const upcasters = options.upcasters ?? new Upcasters();
    const settings = {
      store: options.store,
      db: options.db,
      upcast: (event: RecordedEvent) => upcasters.upcast(event),
      logger: options.logger ?? silentLogger,
      batchSize: options.batchSize ?? 1_000,
      lockRetryMs: options.lockRetryMs ?? 5_000,
      retryMs: options.retryMs ?? 1_000,
      stallAfter: options.stallAfter ?? 3,
    };
    for (const projection of options.projections) {
      if (this.workers.has(projection.name)) throw new Error(`Two projections are named ${projection.name}`);
      this.workers.set(projection.name, new ProjectionWorker(projection, settings));
    }
  }

  get names(): string[] {
    return [...this.workers.keys()];
  }

  /** Creates every projection's tables (so reads work on every instance) and starts the workers. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.setup();
    await Promise.all([...this.workers.values()].map((worker) => worker.start()));
  }

  /** Stops following the log; waits for the batch in flight to commit or roll back. */
  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  /**
   * Resolves when the projections have applied every event committed before the call: after an
   * append has returned, this is read-after-write for that append's events.
   */
  async waitUntilCaughtUp(options: WaitOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const names = options.only ?? this.names;
    await Promise.all(names.map((name) => this.worker(name).waitUntilCaughtUp(timeoutMs)));
  }

  /**
   * Read-after-write for an append that returned `globalPosition`. Positions are not handed out in
   * commit order, so "has applied an event at or past this position" would not prove that this one
   * was applied; waiting for everything committed so far does, and the append has committed.
   */
  async waitForPosition(_globalPosition: number, options: WaitOptions = {}): Promise<void> {
    await this.waitUntilCaughtUp(options);
  }

  /** Empties the projection's rows and checkpoint, replays from zero here or in the instance running it, and waits for that. */
  async rebuild(name: string, options: Omit<WaitOptions, 'only'> = {}): Promise<void> {
    const worker = this.worker(name);
    await this.setup();
    await worker.reset();
    if (this.started) await this.waitUntilCaughtUp({ ...options, only: [name] });
  }

  status(): ProjectionStatus[] {
    return [...this.workers.values()].map((worker) => {
      const { name, state, lastError, stall } = worker.status();
      return { name, state, lastError, stall };
    });
  }

  /**
   * Every projection of this runner that is stalled, here or in another instance (which records
   * its stall in projection_checkpoints). Empty when all is well.
   */
  async stalls(): Promise<ProjectionStall[]> {
    const local = this.status().flatMap((status) => (status.stall ? [status.stall] : []));
    const recorded = (await readStalls(this.options.db)).filter(
      (stall) => this.workers.has(stall.projection) && !local.some((l) => l.projection === stall.projection),
    );
    return [...local, ...recorded].sort((a, b) => a.projection.localeCompare(b.projection));
  }

  private async setup(): Promise<void> {
    // One step of the start-up schema work, serialised across instances (docs/adr/0019).
    await withStartupSchemaLock(this.options.db, async (tx) => {
      await setupCheckpointTable(tx);
      for (const worker of this.workers.values()) await worker.projection.setup(tx);
    });
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) {
      throw new Error(`No projection named ${name}; known: ${this.names.join(', ') || '(none)'}`);
    }
    return worker;
  }
}

const silentLogger: RunnerLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
