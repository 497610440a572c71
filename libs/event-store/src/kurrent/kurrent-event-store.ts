import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendStreamState,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { CaughtUpWaiters } from '../caught-up-waiters.js';
import { DuplicateIdempotencyKeyError, WrongExpectedVersionError } from '../errors.js';
import type { Checkpoint, EventMetadata, NewEvent, RecordedEvent } from '../event.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  KeyedAppend,
  ReadAllResult,
  ReadStreamOptions,
  StreamRead,
  SubscribeOptions,
  Subscription,
} from '../event-store.js';
import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedVersion } from '../expected-version.js';

/**
 * The event store on EventStoreDB/KurrentDB through @kurrent/kurrentdb-client, the maintained
 * successor of @eventstore/db-client. The server orders $all itself, in commit order, so a
 * reader by position cannot skip a late commit here; the checkpoint is the event's
 * (commit, prepare) position in the transaction log. Our versions count from 1, the server's
 * revisions from 0: version = revision + 1.
 */
export class KurrentEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  /** KurrentDB appends to one stream at a time and cannot check another in the same write. */
  readonly appendGuards = false;
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<KurrentSubscription>();

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  /** Nothing to create; reads one event so that a wrong URL or credentials fail at start. */
  async init(): Promise<void> {
    await this.headCheckpoint();
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (options.guards?.length)
      throw new TypeError('KurrentEventStore cannot guard an append with other streams');
    const key = options.idempotencyKey;
    // KurrentDB writes one stream and nothing beside it: the key travels in each event's
    // metadata, and a retry finds it there (findAppend). Checked before the write, and the
    // expected version (the command runner always gives one) stops a concurrent twin.
    if (key !== undefined && events.length > 0) {
      const recorded = await this.findAppend(streamId, key);
      if (recorded) throw new DuplicateIdempotencyKeyError(streamId, key, recorded);
    }
    const data = events.map((e) =>
      jsonEvent({
        id: e.eventId ?? randomUUID(),
        type: e.type,
        data: e.data as JSONType,
        metadata: (key === undefined
          ? e.metadata
          : { ...e.metadata, [KEY_FIELD]: key }) as unknown as JSONType,
      }),
    );
    try {
      const result = await this.client.appendToStream(streamId, data, {
        streamState: toStreamState(options.expectedVersion),
      });
      return {
        nextExpectedVersion: Number(result.nextExpectedRevision) + 1,
        lastGlobalPosition: Number(result.position?.prepare ?? 0n),
      };
    } catch (error) {
      if (error instanceof KurrentWrongExpectedVersionError) {
        const recorded = key === undefined ? null : await this.findAppend(streamId, key);
        if (recorded) throw new DuplicateIdempotencyKeyError(streamId, key!, recorded);
        const actual = error.actualState === NO_STREAM ? null : Number(error.actualState) + 1;
        throw new WrongExpectedVersionError(streamId, options.expectedVersion, actual);
      }
      throw error;
    }
  }

  /** Searches the newest KEY_SEARCH_DEPTH events of the stream, newest first, for the key. */
  async findAppend(streamId: string, idempotencyKey: string): Promise<KeyedAppend | null> {
    let found: KeyedAppend | null = null;
    try {
      const reading = this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: KEY_SEARCH_DEPTH,
      });
      for await (const resolved of reading) {
        const event = resolved.event;
        const metadata = event?.isJson ? (event.metadata as Record<string, unknown> | undefined) : undefined;
        if (metadata?.[KEY_FIELD] !== idempotencyKey) {
          if (found) break; // one append's events are contiguous
          continue;
        }
        const version = Number(event!.revision) + 1;
        found ??= {
          streamId,
          idempotencyKey,
          firstVersion: version,
          lastVersion: version,
          lastGlobalPosition: Number(event!.position?.prepare ?? resolved.commitPosition ?? 0n),
        };
        found.firstVersion = version;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    return found;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const reading = this.client.readStream(streamId, {
        fromRevision: BigInt((options.fromVersion ?? 1) - 1),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      for await (const resolved of reading) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** KurrentDB reads one stream per call; the reads go out together. */
  readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    return Promise.all(reads.map((read) => this.readStream(read.streamId, read)));
  }

  async readAll(from: Checkpoint | null, limit: number): Promise<ReadAllResult> {
    const events: RecordedEvent[] = [];
    // Reading $all from a position includes the event at it; ask for one more and drop it.
    const reading = this.client.readAll({
      fromPosition: from === null ? START : decodeKurrentCheckpoint(from),
      maxCount: limit + 1,
      filter: excludeSystemEvents(),
    });
    for await (const resolved of reading) {
      const event = toRecordedEvent(resolved);
      if (!event || (from !== null && compareKurrentCheckpoints(event.checkpoint, from) <= 0)) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return { events, checkpoint: events.at(-1)?.checkpoint ?? from };
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = new KurrentSubscription(this.client, options, () => this.headCheckpoint());
    this.subscriptions.add(subscription);
    subscription.finished.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return compareKurrentCheckpoints(a, b);
  }

  /** The position of the last non-system event in $all, or null when there is none. */
  async headCheckpoint(): Promise<Checkpoint | null> {
    const reading = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: excludeSystemEvents(),
    });
    for await (const resolved of reading) {
      const event = toRecordedEvent(resolved);
      if (event) return event.checkpoint;
    }
    return null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

/** A catch-up subscription to $all without system events, one event at a time. */
class KurrentSubscription implements Subscription {
  readonly finished: Promise<void>;
  private readonly progress: CaughtUpWaiters;
  private readonly source: AllStreamSubscription;
  private stopped = false;
  private failure: unknown = null;

  constructor(
    client: KurrentDBClient,
    private readonly options: SubscribeOptions,
    private readonly head: () => Promise<Checkpoint | null>,
  ) {
    this.progress = new CaughtUpWaiters(options.from, compareKurrentCheckpoints);
    // Subscribing from a position starts after it, which is what a checkpoint means.
    this.source = client.subscribeToAll({
      fromPosition: options.from === null ? START : decodeKurrentCheckpoint(options.from),
      filter: excludeSystemEvents(),
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
    const target = await this.head();
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('The subscription is stopped');
    await this.progress.waitFor(target);
  }

  private async run(): Promise<void> {
    try {
      for await (const resolved of this.source) {
        if (this.stopped) break;
        const event = toRecordedEvent(resolved);
        if (!event) continue;
        await this.options.onEvent(event);
        this.progress.advance(event.checkpoint);
      }
    } catch (error) {
      if (this.stopped) return;
      this.failure = error;
      this.stopped = true;
      await this.source.unsubscribe().catch(() => undefined);
      this.progress.fail(error);
      this.options.onError?.(error);
    }
  }
}

/** Where an append's idempotency key travels in the metadata of its events (removed on read). */
const KEY_FIELD = 'idempotencyKey';
/**
 * How far back findAppend looks: a retry comes within minutes, and the streams a command
 * appends to (a report, a week, an organisation, the place register) rarely grow by more.
 */
const KEY_SEARCH_DEPTH = 1000;

function toStreamState(expected: ExpectedVersion): AppendStreamState {
  if (expected === NO_STREAM || expected === 0) return NO_STREAM;
  if (expected === STREAM_EXISTS || expected === ANY) return expected;
  if (!Number.isInteger(expected) || expected < 0) {
    throw new RangeError(`expectedVersion must be a whole number ≥ 0 or a named state, got ${expected}`);
  }
  return BigInt(expected - 1);
}

function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  // System events ($-prefixed types) and non-JSON records are not ours.
  if (!event || !event.isJson || event.type.startsWith('$')) return null;
  // Reads of $all always carry the position; stream reads may carry only the commit position.
  const position =
    event.position ??
    (resolved.commitPosition === undefined
      ? { commit: 0n, prepare: 0n }
      : { commit: resolved.commitPosition, prepare: resolved.commitPosition });
  return {
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: withoutKey(event.metadata as unknown as EventMetadata & { [KEY_FIELD]?: string }),
    streamId: event.streamId,
    streamVersion: Number(event.revision) + 1,
    globalPosition: Number(position.prepare),
    checkpoint: encodeKurrentCheckpoint(position),
    recordedAt: event.created.toISOString(),
  };
}

const pattern = /^(\d{20}):(\d{20})$/;

/** "commit:prepare", both zero-padded to 20 digits so that the strings also sort as text. */
export function encodeKurrentCheckpoint(position: Position): Checkpoint {
  return `${position.commit.toString().padStart(20, '0')}:${position.prepare.toString().padStart(20, '0')}` as Checkpoint;
}

export function decodeKurrentCheckpoint(checkpoint: Checkpoint): Position {
  const match = pattern.exec(checkpoint);
  if (!match)
    throw new Error(
      `Not a KurrentDB checkpoint: ${JSON.stringify(checkpoint)} (expected "<commit>:<prepare>")`,
    );
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}

export function compareKurrentCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const x = decodeKurrentCheckpoint(a);
  const y = decodeKurrentCheckpoint(b);
  if (x.commit !== y.commit) return x.commit < y.commit ? -1 : 1;
  if (x.prepare !== y.prepare) return x.prepare < y.prepare ? -1 : 1;
  return 0;
}

function withoutKey(metadata: EventMetadata & { [KEY_FIELD]?: string }): EventMetadata {
  if (metadata[KEY_FIELD] === undefined) return metadata;
  const { [KEY_FIELD]: _key, ...rest } = metadata;
  return rest;
}
