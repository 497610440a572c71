import {
  START,
  type Filter,
  type AllStreamSubscription,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { CaughtUpWaiters } from '../caught-up-waiters.js';
import type { Checkpoint } from '../event.js';
import type { SubscribeOptions, Subscription } from '../event-store.js';
import { compareKurrentCheckpoints, decodeKurrentCheckpoint, toRecordedEvent } from './kurrent-records.js';

/** The one client call a subscription needs. */
export interface SubscribingClient {
  subscribeToAll(options?: SubscribeToAllOptions): AllStreamSubscription;
}

/** A catch-up subscription to $all without system events, one event at a time. */
export class KurrentSubscription implements Subscription {
  readonly finished: Promise<void>;
  private readonly progress: CaughtUpWaiters;
  private readonly source: AllStreamSubscription;
  private stopped = false;
  private failure: unknown = null;

  constructor(
    client: SubscribingClient,
    private readonly options: SubscribeOptions,
    private readonly head: () => Promise<Checkpoint | null>,
    /** What of $all the store reads: the server leaves out the rest. */
    filter: Filter,
    private readonly streamPrefix: string,
  ) {
    this.progress = new CaughtUpWaiters(options.from, compareKurrentCheckpoints);
    // Subscribing from a position starts after it, which is what a checkpoint means. From the
    // leader, as every read here: caughtUp() compares with the leader's head (docs/adr/0020).
    this.source = client.subscribeToAll({
      fromPosition: options.from === null ? START : decodeKurrentCheckpoint(options.from),
      filter,
      requiresLeader: true,
    });
    this.finished = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.source.unsubscribe().catch(() => undefined);
    await this.finished;
    this.progress.fail(new Error('The subscription was stopped before it caught up'));
  }

  async caughtUp(): Promise<void> {
    if (this.failure) throw this.failure;
    const target = await this.head();
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('The subscription is stopped');
    await this.progress.waitFor(target);
  }

  private async run(): Promise<void> {
    try {
      for await (const resolved of this.source) {
        if (this.stopped) return;
        const event = toRecordedEvent(resolved, this.streamPrefix);
        if (!event) continue;
        await this.options.onEvent(event);
        this.progress.advance(event.checkpoint);
      }
      // A catch-up subscription never ends on its own: the server or the client dropped it.
      if (!this.stopped) this.fail(new Error('The KurrentDB subscription ended without being stopped'));
    } catch (error) {
      if (!this.stopped) this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.stopped = true;
    this.source.unsubscribe().catch(() => undefined);
    this.progress.fail(error);
    try {
      this.options.onError?.(error);
    } catch (handlerError) {
      // Nobody awaits run(): a throw here would be an unhandled rejection that ends the process.
      process.emitWarning(
        `onError of a KurrentDB subscription threw: ${handlerError instanceof Error ? handlerError.message : String(handlerError)}`,
        'LagetSubscriptionWarning',
      );
    }
  }
}
