import {
  AppendConsistencyViolationError,
  BACKWARDS,
  END,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendRecordInput,
  type AppendRecordsResult,
  type ConsistencyCheck,
  type Filter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions as ClientReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { DuplicateIdempotencyKeyError, WrongExpectedVersionError } from '../errors.js';
import type { Checkpoint, NewEvent, RecordedEvent } from '../event.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  KeyedAppend,
  ReadAllResult,
  ReadStreamOptions,
  StreamGuard,
  StreamRead,
  SubscribeOptions,
  Subscription,
} from '../event-store.js';
import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedVersion } from '../expected-version.js';
import {
  explainViolations,
  keyStreamName,
  planAppend,
  retriedAppendResult,
  unhandledAppendOptions,
  type KeyRecordData,
} from './kurrent-append-plan.js';
import {
  comparePositions,
  compareKurrentCheckpoints,
  decodeKurrentCheckpoint,
  positionOf,
  toRecordedEvent,
} from './kurrent-records.js';
import { requireSupportedServerVersion } from './kurrent-server-version.js';
import { KurrentSubscription, type SubscribingClient } from './kurrent-subscription.js';

export {
  compareKurrentCheckpoints,
  decodeKurrentCheckpoint,
  encodeKurrentCheckpoint,
} from './kurrent-records.js';
export { MINIMUM_KURRENTDB_VERSION } from './kurrent-server-version.js';

/**
 * The few calls of @kurrent/kurrentdb-client 1.3.1 this adapter makes. `capabilities` and
 * `getChannel` are protected members of the client (its own appendRecords and persistent
 * subscriptions read `capabilities` the same way); it has no public call for the server's
 * version, and its dispose() cancels the open calls but leaves the gRPC channel open.
 */
export interface KurrentClient extends SubscribingClient {
  appendRecords(records: AppendRecordInput[], checks?: ConsistencyCheck[]): Promise<AppendRecordsResult>;
  readStream(streamName: string, options?: ClientReadStreamOptions): AsyncIterableIterator<ResolvedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterableIterator<AllStreamResolvedEvent>;
  dispose(): Promise<void>;
  readonly capabilities: Promise<{ serverVersion: string }>;
  getChannel(): Promise<{ close(): void }>;
}

/** How many non-application records headCheckpoint and readAll take per extra read. */
const SKIP_PAGE = 100;
/** How often a keyed append with a loose expected version re-reads a stream that moved. */
const KEYED_ATTEMPTS = 5;

/**
 * The event store on KurrentDB 26.1+ through @kurrent/kurrentdb-client. Every append is one
 * appendRecords call: the events, and checks of the stream's version, of each guard stream and
 * of the idempotency key's own stream, all atomic (docs/adr/0020). The server orders $all itself,
 * in commit order, so a reader by position cannot skip a late commit; the checkpoint is the
 * event's (commit, prepare) position. Our versions count from 1, the server's revisions from 0.
 * Every read asks for the leader, so that nothing reads behind what was just written.
 */
export class KurrentEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  readonly appendGuards = true;
  private readonly client: KurrentClient;
  private readonly subscriptions = new Set<KurrentSubscription>();
  /** Whether a gRPC channel may be open (reads go through the client's native bridge instead). */
  private usedChannel = false;

  private readonly streamPrefix: string;
  /** The part of $all this store reads: its prefix's streams, or all but system events. */
  private readonly filter: Filter;

  /**
   * `connection` is a connection string, or (in unit tests) an object standing in for the client.
   * `streamPrefix` keeps a store to streams whose names start with it (the e2e suites share one
   * server, each application on a prefix of its own); stream ids outside are unchanged by it.
   */
  constructor(connection: string | KurrentClient, { streamPrefix = '' }: { streamPrefix?: string } = {}) {
    this.client =
      typeof connection === 'string'
        ? (KurrentDBClient.connectionString(connection) as unknown as KurrentClient)
        : connection;
    if (streamPrefix.startsWith('$'))
      throw new RangeError('A stream prefix must not start with $ (system streams)');
    this.streamPrefix = streamPrefix;
    this.filter = streamPrefix ? streamNameFilter({ prefixes: [streamPrefix] }) : excludeSystemEvents();
  }

  private readonly name = (streamId: string): string => this.streamPrefix + streamId;

  /** Refuses a server older than 26.1 with a clear error; a wrong URL or credentials fail here too. */
  async init(): Promise<void> {
    this.usedChannel = true;
    requireSupportedServerVersion((await this.client.capabilities).serverVersion);
    await this.headCheckpoint();
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const unhandled = unhandledAppendOptions(options);
    if (unhandled.length > 0)
      throw new TypeError(`KurrentEventStore does not handle append options ${unhandled.join(', ')}`);
    const { expectedVersion: expected, guards = [], idempotencyKey } = options;
    if (events.length === 0) return this.appendNothing(streamId, expected, guards);
    if (idempotencyKey === undefined) return this.appendOnce(streamId, events, expected, guards);
    for (let attempt = 1; ; attempt++) {
      // The key's record names the versions of the append: under a loose expected version
      // (ANY, STREAM_EXISTS) the append checks the exact version it found, and tries again
      // when the stream moved meanwhile.
      const loose = expected === ANY || expected === STREAM_EXISTS;
      const keyedAt = loose
        ? (await this.streamEnd(streamId)).version
        : expected === NO_STREAM
          ? 0
          : expected;
      if (expected === STREAM_EXISTS && keyedAt === 0)
        throw new WrongExpectedVersionError(streamId, expected, null);
      try {
        return await this.appendOnce(streamId, events, loose ? keyedAt : expected, guards, {
          idempotencyKey,
          keyedAt,
        });
      } catch (error) {
        const movedMeanwhile =
          loose && error instanceof WrongExpectedVersionError && error.streamId === streamId;
        if (!movedMeanwhile || attempt === KEYED_ATTEMPTS)
          throw error instanceof WrongExpectedVersionError && error.streamId === streamId
            ? new WrongExpectedVersionError(streamId, expected, error.actual)
            : error;
      }
    }
  }

  private async appendOnce(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
    guards: readonly StreamGuard[],
    key?: { idempotencyKey: string; keyedAt: number },
  ): Promise<AppendResult> {
    const plan = planAppend(streamId, events, expected, guards, key, this.name);
    this.usedChannel = true;
    try {
      const result = await this.client.appendRecords(plan.records, plan.checks);
      const revision = result.responses.find((r) => r.streamName === this.name(streamId))?.revision;
      if (revision === undefined) throw new Error(`appendRecords answered without a revision of ${streamId}`);
      // The position of the write; unverified against a server here (docs/adr/0020): the
      // contract compares it with the globalPosition the last event reads back with.
      return { nextExpectedVersion: Number(revision) + 1, lastGlobalPosition: Number(result.position) };
    } catch (error) {
      if (!(error instanceof AppendConsistencyViolationError)) throw error;
      // In the SQL stores' order: a retry of this very append (same ids right after the version
      // it expected) gets the first result, then a used key, then the version conflict.
      const exact = expected === NO_STREAM ? 0 : expected;
      if (typeof exact === 'number' && events.every((e) => e.eventId !== undefined)) {
        const again = retriedAppendResult(
          events,
          await this.readStream(streamId, { fromVersion: exact + 1, maxCount: events.length }),
        );
        if (again) return again;
      }
      const explained = explainViolations(plan, error.violations, streamId, expected);
      if (explained.keyUsed) {
        const recorded = await this.findAppend(streamId, key!.idempotencyKey);
        throw new DuplicateIdempotencyKeyError(streamId, key!.idempotencyKey, recorded);
      }
      throw explained.error;
    }
  }

  /** An empty append writes nothing, but checks the expected version and guards as the SQL stores do. */
  private async appendNothing(
    streamId: string,
    expected: ExpectedVersion,
    guards: readonly StreamGuard[],
  ): Promise<AppendResult> {
    const [end, ...guarded] = await Promise.all(
      [streamId, ...guards.map((g) => g.streamId)].map((id) => this.streamEnd(id)),
    );
    if (!versionMatches(expected, end!.version))
      throw new WrongExpectedVersionError(streamId, expected, end!.version || null);
    guards.forEach((guard, i) => {
      const at = guarded[i]!.version;
      if (at !== guard.version) throw new WrongExpectedVersionError(guard.streamId, guard.version, at);
    });
    // A stream without events answers version 0, as on the SQL stores (not the server's -1 + 1).
    return { nextExpectedVersion: end!.version, lastGlobalPosition: end!.globalPosition };
  }

  /** Reads the key's own record, then the append's last event for its position. */
  async findAppend(streamId: string, idempotencyKey: string): Promise<KeyedAppend | null> {
    const [record] = await this.readRecords(keyStreamName(streamId, idempotencyKey), { maxCount: 1 });
    const data = record?.event?.data as KeyRecordData | undefined;
    if (!data || data.streamId !== streamId || data.idempotencyKey !== idempotencyKey) return null;
    const [last] = await this.readStream(streamId, { fromVersion: data.lastVersion, maxCount: 1 });
    return {
      streamId,
      idempotencyKey,
      firstVersion: data.firstVersion,
      lastVersion: data.lastVersion,
      lastGlobalPosition: last?.globalPosition ?? 0,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const records = await this.readRecords(streamId, {
      fromRevision: BigInt((options.fromVersion ?? 1) - 1),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    return records.flatMap((resolved) => toRecordedEvent(resolved, this.streamPrefix) ?? []);
  }

  /** KurrentDB reads one stream per call; the reads go out together. */
  readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    return Promise.all(reads.map((read) => this.readStream(read.streamId, read)));
  }

  /** Reads on past records that are not the application's, so that a page is full unless $all ends. */
  async readAll(from: Checkpoint | null, limit: number): Promise<ReadAllResult> {
    const events: RecordedEvent[] = [];
    let cursor: Position | null = from === null ? null : decodeKurrentCheckpoint(from);
    while (events.length < limit) {
      // Reading $all from a position includes the record at it; ask for one more and drop it.
      const asked = limit - events.length + 1;
      let seen = 0;
      let moved = false;
      for await (const resolved of this.client.readAll({
        fromPosition: cursor ?? START,
        maxCount: asked,
        filter: this.filter,
        requiresLeader: true,
      })) {
        seen++;
        const position = positionOf(resolved);
        if (!position || (cursor && comparePositions(position, cursor) <= 0)) continue;
        cursor = position;
        moved = true;
        const event = toRecordedEvent(resolved, this.streamPrefix);
        if (event) events.push(event);
        if (events.length === limit) break;
      }
      if (seen < asked || !moved) break; // the end of $all
    }
    return { events, checkpoint: events.at(-1)?.checkpoint ?? from };
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.usedChannel = true;
    const subscription = new KurrentSubscription(
      this.client,
      options,
      () => this.headCheckpoint(),
      this.filter,
      this.streamPrefix,
    );
    this.subscriptions.add(subscription);
    void subscription.finished.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return compareKurrentCheckpoints(a, b);
  }

  /** The position of the newest application event in $all, reading back past any other records. */
  async headCheckpoint(): Promise<Checkpoint | null> {
    let cursor: Position | null = null;
    for (;;) {
      let seen = 0;
      let moved = false;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: cursor ?? END,
        maxCount: SKIP_PAGE,
        filter: this.filter,
        requiresLeader: true,
      })) {
        seen++;
        const position = positionOf(resolved);
        if (!position || (cursor && comparePositions(position, cursor) >= 0)) continue;
        cursor = position;
        moved = true;
        const event = toRecordedEvent(resolved, this.streamPrefix);
        if (event) return event.checkpoint;
      }
      if (seen < SKIP_PAGE || !moved) return null;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
    // dispose() cancels the calls but keeps the channel; without this a closed store holds a socket.
    // Where a reconnect already dropped it, getChannel() opens one only to close it; a failure to
    // find the cluster then must not fail the shutdown.
    if (this.usedChannel)
      await this.client.getChannel().then(
        (channel) => channel.close(),
        () => undefined,
      );
  }

  /** The version of a stream (0 when it has no events) and the position of its last record. */
  private async streamEnd(streamId: string): Promise<{ version: number; globalPosition: number }> {
    const [last] = await this.readRecords(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last?.event
      ? { version: Number(last.event.revision) + 1, globalPosition: Number(positionOf(last)?.prepare ?? 0n) }
      : { version: 0, globalPosition: 0 };
  }

  /** A stream's records from the leader; none where the stream does not exist. */
  private async readRecords(streamId: string, options: ClientReadStreamOptions): Promise<ResolvedEvent[]> {
    const records: ResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.name(streamId), {
        ...options,
        requiresLeader: true,
      }))
        records.push(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return records;
  }
}

function versionMatches(expected: ExpectedVersion, version: number): boolean {
  if (expected === ANY) return true;
  if (expected === STREAM_EXISTS) return version > 0;
  return version === (expected === NO_STREAM ? 0 : expected);
}
