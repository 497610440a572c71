import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, DuplicateIdempotencyKeyError, WrongExpectedVersionError } from '../errors.js';
import type { Checkpoint, EventMetadata, NewEvent, RecordedEvent } from '../event.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  KeyedAppend,
  ReadAllResult,
  ReadStreamOptions,
  StreamRead,
  StreamGuard,
  SubscribeOptions,
  Subscription,
} from '../event-store.js';
import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedVersion } from '../expected-version.js';
import { PollingSubscription } from '../polling-subscription.js';
import { InFlight } from './in-flight.js';
import { withStartupSchemaLock } from './startup-schema.js';
import { findKeyedAppend, MAX_KEY_LENGTH } from './sql-keyed-appends.js';
import { compareSqlCheckpoints, decodeSqlCheckpoint, encodeSqlCheckpoint } from './sql-checkpoint.js';
import type { SqlDatabase, SqlExecutor } from './sql-database.js';
import * as sql from './sql-event-store.sql.js';

export interface SqlEventStoreOptions {
  /** How often an idle subscription looks for events it was not woken for; default 1000 ms. */
  pollIntervalMs?: number;
  /**
   * Other instances learn of appends through a NOTIFY sent at most this often (default 20 ms),
   * which bounds both their extra latency and the NOTIFY traffic under many writers.
   */
  notifyDelayMs?: number;
  /**
   * While appends keep coming, subscribers are woken at most this often (default 50 ms), so that
   * they read what was appended meanwhile as one batch; the first append after a quiet spell
   * wakes them at once. 0 wakes them at every append.
   */
  gatherMs?: number;
}

/** A row of readAll / readStream: the event as JSON text (see eventColumns in the SQL). */
interface EventRow {
  event: string;
}

interface EventJson {
  globalPosition: number;
  transactionId: string;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
}

interface AppendRow {
  stream_version: number;
  global_position: number | string;
}

/** How many times an ANY / STREAM_EXISTS append retries when a concurrent writer took its version. */
const MAX_APPEND_ATTEMPTS = 20;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The event store on PostgreSQL or PGlite: one SQL text for both (sql-event-store.sql.ts).
 * Events are read in (transaction id, global position) order and only below the oldest running
 * transaction, so a reader never passes an event that commits late (docs/adr/0003).
 *
 * The database belongs to the caller (read models share it): close() stops this store's
 * subscriptions but leaves the database open.
 */
export class SqlEventStore implements EventStore {
  readonly kind: 'pglite' | 'postgres';
  readonly appendGuards = true;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<PollingSubscription>();
  private unlisten: Promise<(() => Promise<void>) | null> | null = null;
  private notifyTimer: NodeJS.Timeout | null = null;
  private readonly notifyDelayMs: number;
  private readonly gatherMs: number;
  private wakeTimer: NodeJS.Timeout | null = null;
  private lastWakeAt = Number.NEGATIVE_INFINITY;
  /** Signs this store's NOTIFYs, so that it does not wake its own subscribers a second time. */
  private readonly instanceId = randomUUID();
  /**
   * Every projection and reactor subscribes on its own, and an append wakes them all at once at
   * the same checkpoint: they share one query (and its decoded events, which nobody changes)
   * instead of each asking PostgreSQL for the same page.
   */
  private readonly sharedReads = new InFlight();

  constructor(
    private readonly db: SqlDatabase,
    options: SqlEventStoreOptions = {},
  ) {
    this.kind = db.engine;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.notifyDelayMs = options.notifyDelayMs ?? 20;
    this.gatherMs = options.gatherMs ?? 50;
  }

  /**
   * Creates the schema; one step of the start-up schema work that instances sharing the database
   * serialise (withStartupSchemaLock), since CREATE … IF NOT EXISTS alone races.
   */
  async init(): Promise<void> {
    await withStartupSchemaLock(this.db, async (tx) => {
      for (const statement of sql.schema) await tx.query(statement);
      const { rows } = await tx.query<{ unchanged: boolean }>(sql.appendFunctionUnchanged, [
        sql.appendFunctionBody,
      ]);
      if (!rows[0]?.unchanged) await tx.query(sql.replaceAppendFunction);
    });
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const params = appendParameters(streamId, events, options);
    const retryable = options.expectedVersion === ANY || options.expectedVersion === STREAM_EXISTS;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.appendOnce(this.db, streamId, events, options, params);
        this.announceAppend();
        return result;
      } catch (error) {
        // Under ANY / STREAM_EXISTS a concurrent writer that took "our" next version is no conflict:
        // read the new end of the stream and try again.
        if (
          retryable &&
          isUniqueViolation(error, sql.streamVersionConstraint) &&
          attempt < MAX_APPEND_ATTEMPTS
        )
          continue;
        if (!isUniqueViolation(error)) throw error;
        // Whichever constraint a concurrent twin of a keyed append hit first, it was applied.
        const key = options.idempotencyKey;
        const keyed = key === undefined ? null : await this.findAppend(streamId, key);
        if (keyed) throw new DuplicateIdempotencyKeyError(streamId, key!, keyed);
        const retried = await this.findRetriedAppend(this.db, streamId, events);
        if (retried) return retried;
        throw await this.explainConflict(error, streamId, events, options.expectedVersion);
      }
    }
  }

  /**
   * Appends inside the caller's transaction (for example together with rows of a read model).
   * A version conflict aborts the transaction, so here ANY and STREAM_EXISTS do not retry: the
   * caller gets WrongExpectedVersionError and may retry the whole transaction.
   */
  async appendInTransaction(
    tx: SqlExecutor,
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const params = appendParameters(streamId, events, options);
    let result: AppendResult;
    try {
      result = await this.appendOnce(tx, streamId, events, options, params);
    } catch (error) {
      if (isUniqueViolation(error, sql.appendKeyConstraint)) {
        throw new DuplicateIdempotencyKeyError(streamId, options.idempotencyKey!, null);
      }
      if (isUniqueViolation(error)) {
        throw new WrongExpectedVersionError(streamId, options.expectedVersion, null);
      }
      throw error;
    }
    // Delivered at commit, to listeners in every instance including this one.
    await tx.query(sql.notify, [sql.channel, '']); // unsigned: this instance's subscribers need it too
    return result;
  }

  async findAppend(streamId: string, idempotencyKey: string): Promise<KeyedAppend | null> {
    return findKeyedAppend(this.db, streamId, idempotencyKey);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.db.query<EventRow>(sql.readStream, [
      streamId,
      options.fromVersion ?? 1,
      options.maxCount ?? null,
    ]);
    return rows.map(toRecordedEvent);
  }

  async readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    if (reads.length === 0) return [];
    if (reads.length === 1) return [await this.readStream(reads[0]!.streamId, reads[0]!)];
    const { rows } = await this.db.query<EventRow & { ord: number | string }>(
      sql.readStreams(reads.length),
      reads.flatMap((read) => [read.streamId, read.fromVersion ?? 1]),
    );
    const answers: RecordedEvent[][] = reads.map(() => []);
    for (const row of rows) answers[Number(row.ord) - 1]!.push(toRecordedEvent(row));
    return answers;
  }

  async readAll(from: Checkpoint | null, limit: number): Promise<ReadAllResult> {
    const after = from === null ? { transactionId: 0n, globalPosition: 0n } : decodeSqlCheckpoint(from);
    const { rows } = await this.db.query<EventRow>(sql.readAll, [
      after.transactionId.toString(),
      after.globalPosition.toString(),
      limit,
    ]);
    const events = rows.map(toRecordedEvent);
    return { events, checkpoint: events.at(-1)?.checkpoint ?? from };
  }

  subscribe(options: SubscribeOptions): Subscription {
    // Reads start once LISTEN is in place: an append is then either seen by the first read or
    // announced by a notification, never neither.
    const listening = this.startListening();
    const subscription = new PollingSubscription(
      {
        readAll: async (from, limit, notBefore) => {
          await listening;
          return this.sharedReads.run(`${from ?? ''}/${limit}`, notBefore, () => this.readAll(from, limit));
        },
        compareCheckpoints: (a, b) => this.compareCheckpoints(a, b),
        headCheckpoint: () => this.headCheckpoint(),
        hasHeldBackEvents: (notBefore) =>
          this.sharedReads.run('held-back', notBefore, async () => {
            return (await this.db.query<{ held: boolean }>(sql.heldBack)).rows[0]!.held;
          }),
      },
      options,
      this.pollIntervalMs,
    );
    this.subscriptions.add(subscription);
    const stop = subscription.stop.bind(subscription);
    subscription.stop = async () => {
      this.subscriptions.delete(subscription);
      await stop();
    };
    return subscription;
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return compareSqlCheckpoints(a, b);
  }

  /** The checkpoint of the last committed event (deliverable or not yet), or null when there is none. */
  async headCheckpoint(): Promise<Checkpoint | null> {
    const { rows } = await this.db.query<{ transaction_id: string; global_position: number | string }>(
      sql.head,
    );
    const row = rows[0];
    return row ? encodeSqlCheckpoint(row.transaction_id, row.global_position) : null;
  }

  async close(): Promise<void> {
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    const unlisten = await this.unlisten;
    this.unlisten = null;
    await unlisten?.();
  }

  private async appendOnce(
    executor: SqlExecutor,
    streamId: string,
    events: NewEvent[],
    { expectedVersion: expected, guards = [], idempotencyKey }: AppendOptions,
    params: unknown[],
  ): Promise<AppendResult> {
    if (events.length === 0) {
      await this.checkGuards(executor, guards);
      return this.appendNothing(executor, streamId, expected);
    }
    const { rows } = await executor.query<AppendRow>(sql.append, params);
    if (rows.length === 0) {
      const existing = await this.findRetriedAppend(executor, streamId, events);
      if (existing) return existing;
      // A retried command meets the stream it already moved: say that it was applied, whatever
      // the version it expected.
      const keyed =
        idempotencyKey === undefined ? null : await findKeyedAppend(executor, streamId, idempotencyKey);
      if (keyed) throw new DuplicateIdempotencyKeyError(streamId, idempotencyKey!, keyed);
      const { rows: end } = await executor.query<{ version: number }>(sql.streamEnd, [streamId]);
      const version = end[0]?.version ?? 0;
      if (versionMatches(expected, version)) await this.checkGuards(executor, guards);
      throw new WrongExpectedVersionError(streamId, expected, version || null);
    }
    const last = rows.reduce((a, b) => (a.stream_version > b.stream_version ? a : b));
    return { nextExpectedVersion: last.stream_version, lastGlobalPosition: Number(last.global_position) };
  }

  /** An empty append still checks the expected version, so callers can use it as an assertion. */
  private async appendNothing(
    executor: SqlExecutor,
    streamId: string,
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const { rows } = await executor.query<{ version: number; global_position: number | string | null }>(
      sql.streamEnd,
      [streamId],
    );
    const { version, global_position } = rows[0]!;
    if (!versionMatches(expected, version))
      throw new WrongExpectedVersionError(streamId, expected, version || null);
    return { nextExpectedVersion: version, lastGlobalPosition: Number(global_position ?? 0) };
  }

  /** Throws for the first guard stream that is not at its version. */
  private async checkGuards(executor: SqlExecutor, guards: readonly StreamGuard[]): Promise<void> {
    for (const guard of guards) {
      const { rows } = await executor.query<{ version: number }>(sql.streamEnd, [guard.streamId]);
      const version = rows[0]?.version ?? 0;
      if (version !== guard.version)
        throw new WrongExpectedVersionError(guard.streamId, guard.version, version);
    }
  }

  private async explainConflict(
    error: unknown,
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<Error> {
    if (isUniqueViolation(error, sql.eventIdConstraint)) {
      return new DuplicateEventIdError(events.flatMap((e) => (e.eventId ? [e.eventId] : [])));
    }
    const { rows } = await this.db.query<{ version: number }>(sql.streamEnd, [streamId]);
    return new WrongExpectedVersionError(streamId, expected, rows[0]?.version || null);
  }

  /**
   * A retry of an append that already succeeded (same event ids, same stream, same order) is
   * answered with the first result instead of a conflict, so that callers can retry safely.
   */
  private async findRetriedAppend(
    executor: SqlExecutor,
    streamId: string,
    events: NewEvent[],
  ): Promise<AppendResult | null> {
    const ids = events.map((e) => e.eventId);
    if (ids.some((id) => id === undefined)) return null;
    const { rows } = await executor.query<{
      event_id: string;
      stream_id: string;
      stream_version: number;
      global_position: number | string;
    }>(sql.findEvents, [ids]);
    if (rows.length !== ids.length) return null;
    const first = rows[0]!.stream_version;
    const same = rows.every(
      (row, i) =>
        row.stream_id === streamId &&
        row.stream_version === first + i &&
        row.event_id === ids[i]!.toLowerCase(),
    );
    if (!same) return null;
    const last = rows.at(-1)!;
    return { nextExpectedVersion: last.stream_version, lastGlobalPosition: Number(last.global_position) };
  }

  /**
   * Wakes this process's subscribers (see wakeSubscribers) and, through at most one NOTIFY per
   * notifyDelayMs, those of other instances. The NOTIFY is a statement of its own after the
   * append's commit rather than part of it because PostgreSQL serialises the commits of
   * notifying transactions, which would cost concurrent writers their group commit.
   */
  private announceAppend(): void {
    this.wakeSubscribers();
    if (this.notifyTimer || this.db.engine === 'pglite') return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      // Signed with this store's id: its own subscribers were woken above and skip it.
      this.db.query(sql.notify, [sql.channel, this.instanceId]).catch(() => undefined); // the poll covers a lost one
    }, this.notifyDelayMs);
    this.notifyTimer.unref();
  }

  /**
   * At once after a quiet spell, else at most once per gatherMs. All subscribers wake together,
   * so those at the same checkpoint share one read, and under load every read, held-back check
   * and projection transaction serves many events instead of one or two (docs/adr/0011).
   */
  private wakeSubscribers(): void {
    if (this.wakeTimer) return; // a wake-up is already due and will see this append
    const wake = () => {
      this.wakeTimer = null;
      this.lastWakeAt = performance.now();
      for (const subscription of this.subscriptions) subscription.wake();
    };
    const wait = this.lastWakeAt + this.gatherMs - performance.now();
    if (wait <= 0) return wake();
    this.wakeTimer = setTimeout(wake, wait);
    this.wakeTimer.unref();
  }

  private startListening(): Promise<unknown> {
    if (!this.db.listen) return Promise.resolve();
    this.unlisten ??= this.db
      .listen(sql.channel, (payload) => {
        if (payload === this.instanceId) return;
        this.wakeSubscribers();
      })
      .catch(() => null); // without notifications subscribers still poll
    return this.unlisten;
  }
}

function versionMatches(expected: ExpectedVersion, version: number): boolean {
  if (expected === ANY) return true;
  if (expected === STREAM_EXISTS) return version > 0;
  return version === (expected === NO_STREAM ? 0 : expected);
}

function appendParameters(
  streamId: string,
  events: NewEvent[],
  { expectedVersion: expected, guards = [], idempotencyKey }: AppendOptions,
): unknown[] {
  if (
    idempotencyKey !== undefined &&
    (idempotencyKey.length === 0 || idempotencyKey.length > MAX_KEY_LENGTH)
  ) {
    throw new RangeError(`an idempotency key must be 1 to ${MAX_KEY_LENGTH} characters`);
  }
  for (const guard of guards) {
    if (!Number.isInteger(guard.version) || guard.version < 0) {
      throw new RangeError(`a guard's version must be a whole number ≥ 0, got ${guard.version}`);
    }
  }
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new RangeError(`expectedVersion must be a whole number ≥ 0 or a named state, got ${expected}`);
  }
  const ids = events.map((e) => {
    const id = e.eventId ?? randomUUID();
    if (!uuidPattern.test(id)) throw new TypeError(`eventId must be a UUID, got ${JSON.stringify(id)}`);
    return id;
  });
  const check = expected === ANY ? 'any' : expected === STREAM_EXISTS ? 'exists' : 'version';
  const version = expected === NO_STREAM ? 0 : typeof expected === 'number' ? expected : null;
  return [
    streamId,
    check,
    version,
    ids,
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.data ?? null)),
    events.map((e) => JSON.stringify(e.metadata)),
    guards.map((guard) => guard.streamId),
    guards.map((guard) => guard.version),
    idempotencyKey ?? null,
  ];
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  const e = JSON.parse(row.event) as EventJson;
  return {
    eventId: e.eventId,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    globalPosition: e.globalPosition,
    checkpoint: encodeSqlCheckpoint(e.transactionId, e.globalPosition),
    recordedAt: e.recordedAt,
  };
}

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint);
}
