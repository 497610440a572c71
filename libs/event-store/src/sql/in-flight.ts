import { nextStamp } from '../polling-subscription.js';

/**
 * Concurrent calls under one key share a call already running, if it started after `notBefore`
 * (see PollingSource); a settled call is not kept.
 */
export class InFlight {
  private readonly running = new Map<string, { startedAt: number; result: Promise<unknown> }>();

  run<T>(key: string, notBefore: number, fn: () => Promise<T>): Promise<T> {
    const found = this.running.get(key);
    if (found && found.startedAt > notBefore) return found.result as Promise<T>;
    const entry = { startedAt: nextStamp(), result: fn() as Promise<unknown> };
    this.running.set(key, entry);
    void entry.result
      .finally(() => {
        if (this.running.get(key) === entry) this.running.delete(key);
      })
      .catch(() => undefined);
    return entry.result as Promise<T>;
  }
}
