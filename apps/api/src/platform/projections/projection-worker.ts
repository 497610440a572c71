import type { AdvisoryLock, Checkpoint, RecordedEvent, Subscription } from '@laget/event-store';
import {
  CheckpointMovedError,
  advanceCheckpoint,
  clearCheckpoint,
  loadCheckpoint,
  readCheckpoint,
  recordStall,
} from './checkpoints.js';
import { deferred, delay, raceUntil } from './async-signals.js';
import {
  EventApplyError,
  ProjectionLagError,
  writeNamingRefusedEvent,
  ProjectionStalledError,
  type ProjectionStall,
  describe,
  isTransient,
  reactNamingFailedEvent,
  stallOf,
} from './projection-failures.js';
import type { Projection } from './projection.js';
import { storable } from '../storable-text.js';
import type { WorkerSettings, WorkerState, WorkerStatus } from './worker-settings.js';
export type { RunnerLogger, WorkerSettings, WorkerState } from './worker-settings.js';
const maxRetryMs = 30_000;
/** At most this long between checkpoint writes while a projection only passes events over. */
const skippedWriteMs = 250;
/**
 * Runs one projection in this process when it holds the projection's advisory lock: subscribe from
 * the stored checkpoint, gather delivered events into batches, and apply each batch together with
 * the new checkpoint in one transaction. Without the lock it stands by and retries, so another
 * instance takes over when the holder dies.
 */
export class ProjectionWorker {
  private state: WorkerState = 'stopped';
  private lock: AdvisoryLock | null = null;
  private subscription: Subscription | null = null;
  /** Bumped on every (re)start and stop, so that callbacks of an older subscription do nothing. */
  private generation = 0;
  /** Resolved (and replaced) whenever the generation or the state changes; waiters re-check then. */
  private changed = deferred();
  private buffer: RecordedEvent[] = [];
  private applied: Checkpoint | null = null;
  /** What projection_checkpoints holds for us; behind `applied` while skipped events are not yet written. */
  private stored: Checkpoint | null = null;
  private storedAt = 0;
  private appliedPosition = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushRequested = false;
  private delivered: Checkpoint | null = null;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private verifyRequested = false;
  private progress = deferred();
  private space = deferred();
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private lastError: unknown = null;
  /** The event that failed last (not transiently) and how often in a row. */
  private failing: { eventId: string; times: number } | null = null;
  private stall: ProjectionStall | null = null;
  /** null: every event type. */
  private readonly eventTypes: ReadonlySet<string> | null;
  constructor(
    readonly projection: Projection,
    private readonly settings: WorkerSettings,
  ) {
    this.eventTypes = projection.eventTypes === '*' ? null : new Set(projection.eventTypes);
  }

  get name(): string {
    return this.projection.name;
  }

  status(): WorkerStatus {
    return {
      name: this.name,
      state: this.state,
      checkpoint: this.applied,
      lastError: this.lastError ? describe(this.lastError) : null,
      stall: this.stall,
    };
  }

  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.setState('standby');
    await this.tryTakeOver();
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.setState('stopped');
    this.clearTimer();
    await this.detach();
    const lock = this.lock;
    this.lock = null;
    if (lock)
      await lock.release().catch((error) => this.settings.logger.warn(`${this.name}: ${describe(error)}`));
  }

  /**
   * Empties the read model and its checkpoint in one transaction, then replays from the start of
   * the log here if this instance runs the projection. A stale runner elsewhere notices through the
   * checkpoint's compare-and-set (or its periodic check) and replays too.
   */
  async reset(): Promise<void> {
    const running = this.state === 'running' || this.state === 'failing' || this.state === 'stalled';
    if (running) await this.detach();
    this.stall = null;
    this.failing = null;
    await this.settings.db.transaction(async (tx) => {
      await this.projection.reset(tx);
      await clearCheckpoint(tx, this.name, this.projection.version);
    });
    if (running && this.lock) await this.attach();
  }

  /** Resolves once this projection has applied every event committed before the call. */
  async waitUntilCaughtUp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const timedOut = () => new ProjectionLagError(this.name, this.state, timeoutMs, this.lastError);
    let standbyPause = 10;
    let head: { checkpoint: Checkpoint | null } | undefined;
    for (;;) {
      if (Date.now() > deadline) throw timedOut();
      const generation = this.generation;
      const changed = this.changed.promise;
      if (this.state === 'stopped') throw new Error(`Projection ${this.name} is not running`);
      if (this.state === 'stalled' && this.stall) throw new ProjectionStalledError(this.stall);
      if (this.state === 'running' && this.subscription) {
        const delivered = await raceUntil(this.subscription.caughtUp(), changed, deadline);
        if (delivered === 'deadline') throw timedOut();
        if (delivered !== 'done' || generation !== this.generation) {
          // A failed subscription restarts in a new generation: wait for that rather than spin.
          if (
            generation === this.generation &&
            (await raceUntil(changed, changed, deadline)) === 'deadline'
          ) {
            throw timedOut();
          }
          continue;
        }
        const target = this.delivered;
        while (generation === this.generation && !this.hasApplied(target)) {
          const moved = await raceUntil(this.progress.promise, this.changed.promise, deadline);
          if (moved === 'deadline') throw timedOut();
        }
        if (generation === this.generation) return;
        continue;
      }
      if (this.state === 'standby') {
        // Another instance runs it: done when the checkpoint it has stored reaches the last event
        // committed before the call. (Asking whether anything follows the stored checkpoint is not
        // enough: events held back behind a transaction still running do not show yet.)
        head ??= { checkpoint: await this.settings.store.headCheckpoint() };
        const stored = await readCheckpoint(this.settings.db, this.name);
        if (stored && this.reached(stored.checkpoint, head.checkpoint)) return;
        if (stored?.stall) throw new ProjectionStalledError(stored.stall);
        await raceUntil(delay(standbyPause), changed, deadline);
        standbyPause = Math.min(standbyPause * 2, 500);
        continue;
      }
      // Failing: wait for the retry to attach again.
      if ((await raceUntil(changed, changed, deadline)) === 'deadline') throw timedOut();
    }
  }

  private async tryTakeOver(): Promise<void> {
    if (this.state === 'stopped') return;
    try {
      this.lock = await this.settings.db.tryAcquireAdvisoryLock(`laget:projection:${this.name}`);
    } catch (error) {
      this.lastError = error;
      this.settings.logger.warn(`${this.name}: could not ask for its lock: ${describe(error)}`);
    }
    if (!this.lock) {
      this.schedule(() => this.tryTakeOver(), this.settings.lockRetryMs);
      return;
    }
    const lock = this.lock;
    void lock.lost?.then((reason) => this.onLockLost(lock, reason));
    try {
      await this.attach();
    } catch (error) {
      this.onFailure(this.generation, error);
    }
  }

  /** Reads the stored checkpoint (rebuilding when the definition's version changed) and subscribes from it. */
  private async attach(): Promise<void> {
    const generation = this.nextGeneration();
    const { projection } = this;
    const from = await this.settings.db.transaction(async (tx) => {
      const stored = await loadCheckpoint(tx, projection.name, projection.version);
      if (stored.version === projection.version) return stored.checkpoint;
      this.settings.logger.log(
        `${projection.name}: definition version ${stored.version} → ${projection.version}, rebuilding from zero`,
      );
      await projection.reset(tx);
      await clearCheckpoint(tx, projection.name, projection.version);
      return null;
    });
    if (generation !== this.generation) return;
    this.applied = from;
    this.stored = from;
    this.storedAt = Date.now();
    this.delivered = from;
    this.buffer = [];
    this.stall = null; // another try; the recorded stall stays until the checkpoint moves past it
    this.setState('running');
    this.subscription = this.settings.store.subscribe({
      from,
      batchSize: this.settings.batchSize,
      ...(this.eventTypes ? { eventTypes: this.eventTypes } : {}),
      onEvent: (event) => this.onEvent(generation, event),
      onError: (error) => this.onFailure(generation, error),
    });
    this.schedule(() => this.requestVerify(generation), this.settings.lockRetryMs);
  }

  /** Stops the subscription and forgets undelivered work; the stored checkpoint is the truth. */
  private async detach(): Promise<void> {
    this.nextGeneration();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.flushRequested = false;
    const subscription = this.subscription;
    this.subscription = null;
    this.buffer = [];
    // Wake a delivery waiting for room, and leave a fresh (unresolved) signal for the next subscription.
    this.space.resolve();
    this.space = deferred();
    if (subscription) await subscription.stop().catch(() => undefined);
    if (this.pumping) await this.pumping;
  }

  private async onEvent(generation: number, event: RecordedEvent): Promise<void> {
    if (generation !== this.generation) return;
    this.buffer.push(event);
    this.delivered = event.checkpoint;
    this.pump(generation);
    // Backpressure: let the subscription read ahead by a few batches, no more.
    while (generation === this.generation && this.buffer.length >= this.settings.batchSize * 4) {
      await this.space.promise;
    }
  }

  private pump(generation: number): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.drain(generation).finally(() => {
      this.pumping = null;
      if (this.pumpAgain && generation === this.generation) this.pump(generation);
    });
  }

  private async drain(generation: number): Promise<void> {
    try {
      do {
        this.pumpAgain = false;
        // Let the subscription deliver the rest of its page first, so that batches fill up.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return;
        if (this.verifyRequested) {
          this.verifyRequested = false;
          await this.verify(generation);
        }
        while (this.buffer.length > 0 && generation === this.generation) {
          const batch = this.buffer.splice(0, this.settings.batchSize);
          this.space.resolve();
          this.space = deferred();
          // Passing events over proves nothing about a failure: only a written batch clears it.
          if (await this.applyBatch(batch)) {
            this.failures = 0;
            this.lastError = null;
          }
          this.progress.resolve();
          this.progress = deferred();
        }
        if (this.flushRequested && this.buffer.length === 0 && generation === this.generation) {
          this.flushRequested = false;
          await this.flushSkipped();
        }
      } while (this.pumpAgain && generation === this.generation);
      if (generation === this.generation) this.scheduleFlush(generation);
    } catch (error) {
      this.onFailure(generation, error);
    }
  }

  /** True when the batch was written (rows and checkpoint), false when it was passed over for now. */
  private async applyBatch(batch: RecordedEvent[]): Promise<boolean> {
    const last = batch[batch.length - 1]!;
    const relevant: RecordedEvent[] = [];
    for (const event of batch)
      if (this.eventTypes === null || this.eventTypes.has(event.type))
        // Sanitised once for every projection: what PostgreSQL cannot hold becomes U+FFFD.
        relevant.push(storable(this.settings.upcast(event)));
    // Most projections have nothing to do with most events: passing them over changes no row, so the
    // checkpoint is written later (with the next batch that changes one, or after skippedWriteMs). A
    // transaction per skipped batch was a large share of the database's work; a restart re-reads them.
    if (relevant.length === 0 && Date.now() - this.storedAt < skippedWriteMs) {
      this.applied = last.checkpoint;
      this.appliedPosition = last.globalPosition;
      return false;
    }
    await reactNamingFailedEvent(this.projection, relevant, isTransient);
    await writeNamingRefusedEvent(
      relevant,
      last,
      (events, to) => this.write(events, to),
      (error) => isTransient(error) || error instanceof CheckpointMovedError,
    );
    return true;
  }

  /** Applies events and moves the checkpoint to `last` in one transaction. */
  private async write(events: readonly RecordedEvent[], last: RecordedEvent): Promise<void> {
    const from = this.stored;
    await this.settings.db.transaction(async (tx) => {
      if (events.length > 0) await this.projection.apply(events as never[], tx);
      await advanceCheckpoint(tx, this.name, from, last.checkpoint, last.globalPosition);
    });
    this.applied = last.checkpoint;
    this.appliedPosition = last.globalPosition;
    this.stored = last.checkpoint;
    this.storedAt = Date.now();
  }

  /** Writes the checkpoint of events passed over, once the projection has gone quiet. */
  private async flushSkipped(): Promise<void> {
    if (this.applied === null || this.applied === this.stored) return;
    const to = this.applied;
    // One compare-and-set statement, atomic on its own: no transaction around it.
    await advanceCheckpoint(this.settings.db, this.name, this.stored, to, this.appliedPosition);
    this.stored = to;
    this.storedAt = Date.now();
  }

  private scheduleFlush(generation: number): void {
    if (this.flushTimer || this.applied === this.stored) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (generation !== this.generation) return;
      this.flushRequested = true;
      this.pump(generation);
    }, skippedWriteMs);
    this.flushTimer.unref();
  }

  /** The periodic check: still ours? (A CLI rebuild or a lost lock shows as a moved checkpoint.) */
  private requestVerify(generation: number): void {
    if (generation !== this.generation) return;
    this.verifyRequested = true;
    this.pump(generation);
    this.schedule(() => this.requestVerify(generation), this.settings.lockRetryMs);
  }

  private async verify(generation: number): Promise<void> {
    const stored = await readCheckpoint(this.settings.db, this.name);
    if (generation !== this.generation) return;
    if (stored?.checkpoint !== this.stored || stored.version !== this.projection.version) {
      throw new CheckpointMovedError(this.name);
    }
  }

  /** Whether a projection at `at` has applied everything up to `target` (null: nothing yet). */
  private reached(at: Checkpoint | null, target: Checkpoint | null): boolean {
    if (target === null) return true;
    return at !== null && this.settings.store.compareCheckpoints(at, target) >= 0;
  }

  private hasApplied(target: Checkpoint | null): boolean {
    return this.reached(this.applied, target);
  }

  private onFailure(generation: number, error: unknown): void {
    if (generation !== this.generation || this.state === 'stopped' || this.state === 'stalled') return;
    this.lastError = error;
    if (error instanceof EventApplyError) {
      const times = this.failing?.eventId === error.event.eventId ? this.failing.times + 1 : 1;
      this.failing = { eventId: error.event.eventId, times };
      if (times >= this.settings.stallAfter) {
        this.stallAt(error);
        return;
      }
    }
    const moved = error instanceof CheckpointMovedError;
    const wait = moved ? 0 : Math.min(this.settings.retryMs * 2 ** this.failures, maxRetryMs);
    if (!moved) this.failures += 1;
    const log = moved ? this.settings.logger.log : this.settings.logger.error;
    log.call(this.settings.logger, `${this.name}: ${describe(error)}; restarting in ${wait} ms`);
    this.setState('failing');
    this.clearTimer();
    void this.detach().then(() => {
      if (this.state !== 'failing') return;
      this.schedule(async () => {
        if (this.state !== 'failing') return;
        try {
          await this.attach();
        } catch (next) {
          this.onFailure(this.generation, next);
        }
      }, wait);
    });
  }

  /**
   * Stops at an event that failed the same way `stallAfter` times: no more silent retries. Keeps
   * the lock (another instance would only fail the same way), records the stall where every
   * instance's `/health/ready` and waiters see it, and logs it loudly. A restart or a rebuild
   * tries again.
   */
  private stallAt(error: EventApplyError): void {
    const stall = stallOf(this.name, error);
    this.stall = stall;
    this.settings.logger.error(
      `${this.name}: STALLED at event ${stall.position} (${stall.eventType}, ${stall.eventId}) after ` +
        `${this.settings.stallAfter} failures: ${describe(error.cause)}. It stays stopped until a restart or ` +
        `\`npm run projections:rebuild -- ${this.name}\`.`,
    );
    this.setState('stalled');
    this.clearTimer();
    void this.detach()
      .then(() => recordStall(this.settings.db, stall))
      .then(() => this.schedule(() => this.watchStalled(stall), this.settings.lockRetryMs))
      .catch((recordError) =>
        this.settings.logger.warn(`${this.name}: could not record its stall: ${describe(recordError)}`),
      );
  }

  /** While stalled: a rebuild from the CLI clears the recorded stall; then replay from its checkpoint. */
  private async watchStalled(stall: ProjectionStall): Promise<void> {
    if (this.state !== 'stalled' || this.stall !== stall) return;
    const stored = await readCheckpoint(this.settings.db, this.name).catch(() => undefined);
    if (this.state !== 'stalled' || this.stall !== stall) return;
    if (stored === undefined || stored?.stall) {
      this.schedule(() => this.watchStalled(stall), this.settings.lockRetryMs);
      return;
    }
    this.settings.logger.log(`${this.name}: its stall was cleared (a rebuild); applying events again`);
    this.stall = null;
    this.failing = null;
    try {
      await this.attach();
    } catch (error) {
      this.onFailure(this.generation, error);
    }
  }

  /** Its connection died: another instance may run the projection now, so stop and stand by. */
  private onLockLost(lock: AdvisoryLock, reason: Error): void {
    if (this.lock !== lock || this.state === 'stopped') return;
    this.settings.logger.warn(`${this.name}: lost its lock (${reason.message}); standing by`);
    this.lock = null;
    this.lastError = reason;
    this.setState('standby');
    this.clearTimer();
    void this.detach().then(() => {
      if (this.state === 'standby') this.schedule(() => this.tryTakeOver(), this.settings.lockRetryMs);
    });
  }

  private nextGeneration(): number {
    this.generation += 1;
    this.signalChange();
    return this.generation;
  }

  private setState(state: WorkerState): void {
    this.state = state;
    this.signalChange();
  }

  private signalChange(): void {
    this.changed.resolve();
    this.changed = deferred();
  }

  private schedule(fn: () => unknown, ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void fn();
    }, ms);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
