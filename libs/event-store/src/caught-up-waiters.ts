import type { Checkpoint } from './event.js';

/**
 * The bookkeeping behind Subscription.caughtUp(): where the subscriber has got to, and who is
 * waiting for it to pass which checkpoint.
 */
export class CaughtUpWaiters {
  private position: Checkpoint | null;
  private readonly waiters: { target: Checkpoint; resolve: () => void; reject: (error: unknown) => void }[] =
    [];

  constructor(
    from: Checkpoint | null,
    private readonly compare: (a: Checkpoint, b: Checkpoint) => number,
  ) {
    this.position = from;
  }

  get current(): Checkpoint | null {
    return this.position;
  }

  /** Resolves once the subscriber has handled the event at target (at once if it already has). */
  waitFor(target: Checkpoint | null): Promise<void> {
    if (target === null || this.reached(target)) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /** The subscriber has handled the event at checkpoint. */
  advance(checkpoint: Checkpoint): void {
    this.position = checkpoint;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if (this.reached(waiter.target)) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  /** No further event will be delivered: everyone still waiting learns why. */
  fail(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private reached(target: Checkpoint): boolean {
    return this.position !== null && this.compare(this.position, target) >= 0;
  }
}
