import type { Checkpoint, NewEvent, RecordedEvent } from './event.js';
import type { ExpectedVersion } from './expected-version.js';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /**
   * Other streams that must still be at these versions (0: no events) when the events are
   * appended; otherwise nothing is appended and WrongExpectedVersionError names the stream that
   * moved. A command decided on several streams it read earlier (or remembered) can so append
   * without reading them again. Only where `appendGuards` is true.
   */
  guards?: readonly StreamGuard[];
  /**
   * Recorded with the events, in the same write, so that a retried command can find out whether
   * it was applied (`findAppend`). A key is unique within its stream: an append with a key the
   * stream already holds appends nothing and throws DuplicateIdempotencyKeyError carrying the
   * first append. An append of no events records no key. At most 500 characters.
   */
  idempotencyKey?: string;
}

/** An append recorded under an idempotency key, as `findAppend` returns it. */
export interface KeyedAppend {
  streamId: string;
  idempotencyKey: string;
  /** The stream versions of its first and last event. */
  firstVersion: number;
  lastVersion: number;
  /** The global position of its last event. */
  lastGlobalPosition: number;
}

export interface StreamGuard {
  streamId: string;
  version: number;
}

export interface AppendResult {
  /** The stream's version after the append (pass it as the next expectedVersion). */
  nextExpectedVersion: number;
  /** The global position of the last appended event. */
  lastGlobalPosition: number;
}

export interface ReadStreamOptions {
  /** First stream version to return (1-based, inclusive); default 1. */
  fromVersion?: number;
  maxCount?: number;
}

/** One stream of a `readStreams` call. */
export interface StreamRead {
  streamId: string;
  /** First stream version to return (1-based, inclusive); default 1. */
  fromVersion?: number;
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /** Where to continue; equals `from` when nothing new was found. */
  checkpoint: Checkpoint | null;
}

export interface SubscribeOptions {
  /** Deliver events after this checkpoint; null means from the very beginning. */
  from: Checkpoint | null;
  /** Called once per event, in order; the next event waits until the promise settles. */
  onEvent: (event: RecordedEvent) => Promise<void>;
  /** A failing handler or a lost connection stops the subscription and lands here. */
  onError?: (error: unknown) => void;
  /** Events per read while catching up; default 500. */
  batchSize?: number;
  /**
   * The event types the subscriber uses (all when absent). A hint: other events are still
   * delivered (their checkpoints count), but a decorating store may pass them on as stored,
   * without work (the encrypting store then does not open their sealed values).
   */
  eventTypes?: ReadonlySet<string>;
}

export interface Subscription {
  /** Resolves once the handler is no longer running and no further event will be delivered. */
  stop(): Promise<void>;
  /** Resolves when the subscriber has delivered every event committed before this call. */
  caughtUp(): Promise<void>;
}

/**
 * The event store port. Three adapters implement it (PGlite, PostgreSQL, EventStoreDB/KurrentDB)
 * and one contract test suite checks them all (libs/event-store/src/contract).
 */
export interface EventStore {
  readonly kind: 'pglite' | 'postgres' | 'eventstoredb';
  /** Whether append honours `guards`; where not, passing them is an error, and callers read instead. */
  readonly appendGuards: boolean;
  /** Creates tables or connections; idempotent. */
  init(): Promise<void>;
  /** Appends atomically; throws WrongExpectedVersionError on a version conflict. */
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * The append recorded on this stream under this idempotency key, or null when there is none.
   * SQL stores look it up in a table written in the append's transaction; KurrentDB searches the
   * newest events of the stream for the key in their metadata.
   */
  findAppend(streamId: string, idempotencyKey: string): Promise<KeyedAppend | null>;
  /** Events of one stream in version order; empty when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Several streams at once, each answered as readStream would, in the order asked: one round
   * trip where the adapter can (a command that needs two streams pays for one).
   */
  readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]>;
  /** Events of all streams after `from`, in global order, never skipping one that commits late. */
  readAll(from: Checkpoint | null, limit: number): Promise<ReadAllResult>;
  /** Catch up from a checkpoint, then follow live. */
  subscribe(options: SubscribeOptions): Subscription;
  /**
   * The checkpoint of the newest event committed so far, whether readAll returns it yet or not
   * (null while the store is empty). A reader whose checkpoint compares ≥ it has seen everything
   * committed before the call; readAll coming back empty does not prove that on PostgreSQL,
   * where events wait behind older transactions still running (docs/adr/0003).
   */
  headCheckpoint(): Promise<Checkpoint | null>;
  /** Total order of this adapter's checkpoints (negative, 0, positive like Array.sort). */
  compareCheckpoints(a: Checkpoint, b: Checkpoint): number;
  close(): Promise<void>;
}
