import type { KeyedAppend } from './event-store.js';
import { describeExpectedVersion, type ExpectedVersion } from './expected-version.js';

/** The stream was not at the version the writer expected; the HTTP layer answers 409. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the conflict was seen; null where the stream does not exist or the adapter cannot tell. */
    readonly actual: number | null,
  ) {
    super(
      `Stream ${streamId}: expected ${describeExpectedVersion(expected)}, ` +
        `but it is ${actual === null ? 'absent or unknown' : `at version ${actual}`}`,
    );
  }
}

/**
 * An event id given with an append is already recorded, and not as a retry of this very append
 * (same ids, same stream, same order), which the store answers with the first result instead.
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly eventIds: string[]) {
    super(`One of these event ids is already recorded elsewhere: ${eventIds.join(', ')}`);
  }
}

/**
 * The stream already holds an append under this idempotency key: the command was applied
 * before, and nothing was appended now. `recorded` is that first append (null only inside a
 * caller's transaction, which the conflict has aborted).
 */
export class DuplicateIdempotencyKeyError extends Error {
  override readonly name = 'DuplicateIdempotencyKeyError';
  constructor(
    readonly streamId: string,
    readonly idempotencyKey: string,
    readonly recorded: KeyedAppend | null,
  ) {
    super(
      `Stream ${streamId} already holds an append with idempotency key ${JSON.stringify(idempotencyKey)}`,
    );
  }
}
