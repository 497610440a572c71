import { CaughtUpWaiters } from './caught-up-waiters.js';
import type { Checkpoint } from './event.js';
import type { ReadAllResult, SubscribeOptions, Subscription } from './event-store.js';

/** What a polling subscription needs from its store. */
export interface PollingSource {
  /**
   * `notBefore` is a stamp from `nextStamp()`: a source that shares reads between subscribers
   * may answer with a read that started after it, never with an older one (which could miss
   * an append this subscriber was woken for).
   */
  readAll(from: Checkpoint | null, limit: number, notBefore: number): Promise<ReadAllResult>;
  compareCheckpoints(a: Checkpoint, b: Checkpoint): number;
  /** The checkpoint of the last event committed so far, or null for an empty store. */
  headCheckpoint(): Promise<Checkpoint | null>;
  /**
   * Whether events are committed that readAll does not return yet (held back behind a
   * transaction still running); the subscription then looks again soon instead of sleeping.
   */
  hasHeldBackEvents?(notBefore: number): Promise<boolean>;
}

let stamps = 0;

/** A number larger than every one handed out before in this process: orders wake-ups and reads. */
export function nextStamp(): number {
  return ++stamps;
}

/** Pauses while events are held back: from 5 ms, doubling, to at most 200 ms (or the poll interval). */
const heldBackPauseMs = 5;
const heldBackPauseMaxMs = 200;

/**
 * Catch-up-then-live by reading the log in batches: after a short batch it sleeps until woken
 * (a notification that something was appended) or until the poll interval passes, whichever is
 * first. The interval is the fallback that makes a lost wake-up cost latency, never an event.
 */
export class PollingSubscription implements Subscription {
  private readonly progress: CaughtUpWaiters;
  private stopped = false;
  private failure: unknown = null;
  private woken = false;
  /** When the last wake-up came (a stamp): reads that serve it must start after it. */
  private wokenAt = 0;
  private sleeper: (() => void) | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly source: PollingSource,
    private readonly options: SubscribeOptions,
    private readonly pollIntervalMs: number,
  ) {
    this.progress = new CaughtUpWaiters(options.from, (a, b) => source.compareCheckpoints(a, b));
    this.done = this.run();
  }

  /** Something may have been appended: read again now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wokenAt = nextStamp();
    this.sleeper?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper?.();
    await this.done;
    this.progress.fail(new Error('The subscription was stopped before it caught up'));
  }

  async caughtUp(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('The subscription is stopped');
    const head = await this.source.headCheckpoint();
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('The subscription is stopped');
    const waiting = this.progress.waitFor(head);
    this.wake();
    await waiting;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let pause = heldBackPauseMs;
    try {
      while (!this.stopped) {
        this.woken = false;
        const readAt = nextStamp();
        const { events } = await this.source.readAll(this.progress.current, batchSize, this.wokenAt);
        for (const event of events) {
          if (this.stopped) return;
          await this.options.onEvent(event);
          this.progress.advance(event.checkpoint);
        }
        if (events.length > 0) pause = heldBackPauseMs;
        if (events.length < batchSize) {
          const heldBack = (await this.source.hasHeldBackEvents?.(readAt)) ?? false;
          await this.sleep(heldBack ? pause : this.pollIntervalMs);
          if (heldBack) pause = Math.min(pause * 2, heldBackPauseMaxMs, this.pollIntervalMs);
        }
      }
    } catch (error) {
      this.failure = error;
      this.stopped = true;
      this.progress.fail(error);
      this.options.onError?.(error);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.sleeper = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.sleeper = finish;
    });
  }
}
