import {
  AppendConsistencyViolationError,
  BACKWARDS,
  END,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendRecordInput,
  type AppendRecordsResult,
  type ConsistencyCheck,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { KurrentClient } from '../kurrent-event-store.js';

interface StoredRecord {
  streamId: string;
  id: string;
  type: string;
  isJson: boolean;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  position: Position;
}

/**
 * An in-memory stand-in for the few @kurrent/kurrentdb-client calls the adapter makes, written
 * from the client's 1.3.1 code and .d.ts, for the adapter's control flow where no server can run.
 * It is our reading of the server, not the server: what it proves is the adapter's mapping.
 * Errors are the client's own classes, built from the details the server sends.
 */
export class FakeKurrentClient implements KurrentClient {
  readonly log: StoredRecord[] = [];
  readonly calls: { method: string; options: unknown }[] = [];
  serverVersion = '26.1.1.0';
  disposed = false;
  channelClosed = false;
  private nextPosition = 100n;
  /** Replaces the subscription the next subscribeToAll returns. */
  subscriptionSource: ((options: SubscribeToAllOptions) => AsyncGenerator<AllStreamResolvedEvent>) | null =
    null;

  get capabilities(): Promise<{ serverVersion: string }> {
    this.calls.push({ method: 'capabilities', options: undefined });
    return Promise.resolve({ serverVersion: this.serverVersion });
  }

  getChannel(): Promise<{ close(): void }> {
    return Promise.resolve({ close: () => void (this.channelClosed = true) });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** A record written by another tool, e.g. a binary event or a non-JSON one. */
  writeForeign(streamId: string, type = 'Blob', isJson = false): void {
    this.store(streamId, {
      id: crypto.randomUUID(),
      type,
      isJson,
      data: new Uint8Array([1]),
      metadata: undefined,
    });
  }

  async appendRecords(
    records: AppendRecordInput[],
    checks: ConsistencyCheck[] = [],
  ): Promise<AppendRecordsResult> {
    this.calls.push({ method: 'appendRecords', options: { records, checks } });
    for (const record of records) {
      const metadata = record.record.metadata as Record<string, unknown> | undefined;
      if (metadata && Object.values(metadata).some((v) => typeof v !== 'string'))
        throw new Error(
          'appendRecords requires metadata to be a plain object with string keys and string values.',
        );
    }
    const violationsList = checks.flatMap((check, checkIndex) => {
      const actual = this.revisionOf(check.streamName);
      const expected = check.expectedState;
      const holds =
        expected === 'any' ||
        (expected === 'no_stream' && actual === null) ||
        (expected === 'stream_exists' && actual !== null) ||
        (typeof expected === 'bigint' && actual === expected);
      if (holds) return [];
      const code = { any: '-2', no_stream: '-1', stream_exists: '-4' } as const;
      return [
        {
          checkIndex,
          streamState: {
            stream: check.streamName,
            expectedState: typeof expected === 'bigint' ? expected.toString() : code[expected],
            actualState: actual === null ? '-1' : actual.toString(),
          },
        },
      ];
    });
    if (violationsList.length > 0)
      throw new AppendConsistencyViolationError(undefined as never, { violationsList } as never);
    const revisions = new Map<string, bigint>();
    let last: Position = { commit: 0n, prepare: 0n };
    for (const { streamName, record } of records) {
      const stored = this.store(streamName, {
        id: record.id,
        type: record.type,
        isJson: record.contentType === 'application/json',
        data: JSON.parse(JSON.stringify(record.data)),
        metadata: record.metadata === undefined ? undefined : JSON.parse(JSON.stringify(record.metadata)),
      });
      revisions.set(streamName, stored.revision);
      last = stored.position;
    }
    return {
      position: last.commit,
      responses: [...revisions].map(([streamName, revision]) => ({ streamName, revision })),
    };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> {
    this.calls.push({ method: 'readStream', options });
    const records = this.log.filter((r) => r.streamId === streamName);
    const { direction, fromRevision = direction === BACKWARDS ? END : START, maxCount = Infinity } = options;
    const backwards = direction === BACKWARDS;
    const selected = (backwards ? [...records].reverse() : records)
      .filter((r) =>
        fromRevision === START || fromRevision === END
          ? true
          : backwards
            ? r.revision <= fromRevision
            : r.revision >= fromRevision,
      )
      .slice(0, Number(maxCount));
    return (async function* () {
      if (records.length === 0) throw new StreamNotFoundError(undefined as never, streamName);
      for (const r of selected) yield { event: toClientRecord(r), commitPosition: r.position.commit };
    })();
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', options });
    const { direction, fromPosition = direction === BACKWARDS ? END : START, maxCount = Infinity } = options;
    const backwards = direction === BACKWARDS;
    const ours = this.log.filter((r) => passes(options.filter, r));
    const selected = (backwards ? [...ours].reverse() : ours)
      .filter((r) =>
        fromPosition === START || fromPosition === END
          ? true
          : backwards
            ? r.position.commit < fromPosition.commit
            : r.position.commit >= fromPosition.commit,
      )
      .slice(0, Number(maxCount));
    return (async function* () {
      for (const r of selected)
        yield { event: toClientRecord(r), commitPosition: r.position.commit } as never;
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    this.calls.push({ method: 'subscribeToAll', options });
    const closed = { now: false };
    const source = this.subscriptionSource ?? (() => this.follow(options, closed));
    const iterator = source(options);
    return Object.assign(iterator, {
      unsubscribe: async () => {
        closed.now = true;
        await iterator.return(undefined);
      },
    }) as unknown as AllStreamSubscription;
  }

  private async *follow(
    options: SubscribeToAllOptions,
    closed: { now: boolean },
  ): AsyncGenerator<AllStreamResolvedEvent> {
    const from = options.fromPosition;
    let next =
      from === START || from === undefined
        ? 0
        : from === END
          ? this.log.length
          : this.log.findIndex((r) => r.position.commit > from.commit);
    if (next < 0) next = this.log.length;
    while (!closed.now) {
      while (next < this.log.length) {
        const r = this.log[next++]!;
        if (!r.type.startsWith('$'))
          yield { event: toClientRecord(r), commitPosition: r.position.commit } as never;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private revisionOf(streamId: string): bigint | null {
    const last = this.log.findLast((r) => r.streamId === streamId);
    return last ? last.revision : null;
  }

  private store(
    streamId: string,
    record: Omit<StoredRecord, 'streamId' | 'revision' | 'position'>,
  ): StoredRecord {
    const revision = (this.revisionOf(streamId) ?? -1n) + 1n;
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 10n;
    const stored = { ...record, streamId, revision, position };
    this.log.push(stored);
    return stored;
  }
}

/** The server-side filters the adapter uses: by stream name prefix, or excludeSystemEvents(). */
function passes(filter: ReadAllOptions['filter'], r: StoredRecord): boolean {
  if (filter && 'prefixes' in filter && filter.filterOn === 'streamName')
    return filter.prefixes.some((prefix) => r.streamId.startsWith(prefix));
  return !r.type.startsWith('$');
}

function toClientRecord(r: StoredRecord) {
  return {
    streamId: r.streamId,
    id: r.id,
    revision: r.revision,
    type: r.type,
    data: r.data,
    metadata: r.metadata,
    isJson: r.isJson,
    created: new Date('2024-11-25T08:30:00Z'),
    position: r.position,
  } as never;
}
