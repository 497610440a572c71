import { setTimeout as sleep } from 'node:timers/promises';
import { WrongExpectedVersionError } from '@laget/event-store';

/**
 * How a command whose append met a newer stream version is decided again (docs/adr/0018): a
 * command sent without If-Match does not depend on the version its writer happened to read, so
 * losing a race to another writer is no conflict for the client; only a decision on the fresh
 * state may refuse it. Bounded, with a growing, fully jittered pause, so that sixteen writers
 * of one stream spread out instead of colliding again in lockstep.
 */
export interface ConflictRetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The ceiling of the first pause, doubled after each attempt up to `maxPauseMs`. */
  firstPauseMs: number;
  maxPauseMs: number;
}

export const conflictRetryPolicy: ConflictRetryPolicy = { attempts: 10, firstPauseMs: 2, maxPauseMs: 50 };

/**
 * Thrown inside an attempt when its append met a newer version of a stream the decision read
 * (the stream itself or a guard): the decision is stale, not refused. Only the attempt knows
 * that: a WrongExpectedVersionError thrown by the decision itself (a moved If-Match) is a
 * refusal and must reach the client at once.
 */
export class StaleDecision extends Error {
  override readonly name = 'StaleDecision';
  constructor(readonly conflict: WrongExpectedVersionError) {
    super(conflict.message);
  }
}

/** `error` as a StaleDecision where it is the append's version conflict; anything else unchanged. */
export function staleDecisionOr(error: unknown): unknown {
  return error instanceof WrongExpectedVersionError ? new StaleDecision(error) : error;
}

/**
 * Runs `attempt` until it ends other than with StaleDecision, at most `policy.attempts` times,
 * pausing between attempts; when they are spent, the last conflict is thrown (the client's 409).
 * Each attempt must read afresh and keep whatever it derives from the request (ids, the
 * Idempotency-Key's command key) the same as the first did.
 */
export async function retryOnConflict<T>(
  attempt: (attempt: number) => Promise<T>,
  policy: ConflictRetryPolicy = conflictRetryPolicy,
  random: () => number = Math.random,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof StaleDecision)) throw error;
      if (n >= policy.attempts) throw error.conflict;
    }
    await sleep(conflictPause(n, policy, random));
  }
}

/** The pause after the `attempt`th attempt met a conflict: uniform between 0 and a doubling ceiling. */
export function conflictPause(
  attempt: number,
  policy: ConflictRetryPolicy = conflictRetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxPauseMs, policy.firstPauseMs * 2 ** (attempt - 1));
  return random() * ceiling;
}

/**
 * Commands of this instance on one stream, one after another. Writers of one stream in one
 * process would otherwise race each other's appends: optimistic retry alone let 16 concurrent
 * additions to one report on PostgreSQL exhaust their attempts (19 of 200 answered 409), as each
 * round lands one writer and costs the others a read. Taking turns leaves retryOnConflict only
 * the races with other instances (and with writers of a guard stream). A turn must never wait
 * for another command on the same stream: it would wait for itself.
 */
export class StreamTurns {
  private readonly tails = new Map<string, Promise<void>>();

  async take<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(streamId);
    const mine = before ? before.then(work) : work();
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(streamId, tail);
    try {
      return await mine;
    } finally {
      // The last in line clears the way, so idle streams cost no memory.
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }
}
