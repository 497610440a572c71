import { createHash, randomUUID } from 'node:crypto';
import {
  STREAM_STATE,
  jsonEvent,
  type AppendRecordInput,
  type AppendStreamState,
  type ConsistencyCheck,
  type ConsistencyViolation,
  type CurrentStreamState,
  type JSONType,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors.js';
import type { NewEvent, RecordedEvent } from '../event.js';
import type { AppendOptions, AppendResult, StreamGuard } from '../event-store.js';
import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedVersion } from '../expected-version.js';
import { encodeKurrentMetadata } from './kurrent-metadata-codec.js';
import { KEY_STREAM_PREFIX } from './kurrent-records.js';

/**
 * The options of the port's append that this adapter honours. The type below fails to compile
 * when AppendOptions gains one that is not listed here, and append refuses any other key at run
 * time (kurrent-event-store.unit.spec.ts), so that no option the application passes is dropped.
 */
export const HANDLED_APPEND_OPTIONS = ['expectedVersion', 'guards', 'idempotencyKey'] as const;
type Unhandled = Exclude<keyof AppendOptions, (typeof HANDLED_APPEND_OPTIONS)[number]>;
export const everyAppendOptionHandled: [Unhandled] extends [never] ? true : Unhandled = true;

export function unhandledAppendOptions(options: AppendOptions): string[] {
  const handled: readonly string[] = HANDLED_APPEND_OPTIONS;
  return Object.keys(options).filter((key) => !handled.includes(key));
}

/** Our versions count events from 1; KurrentDB's revisions count from 0. */
export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  if (expected === NO_STREAM || expected === 0) return NO_STREAM;
  if (expected === STREAM_EXISTS || expected === ANY) return expected;
  if (!Number.isInteger(expected) || expected < 0) {
    throw new RangeError(`expectedVersion must be a whole number ≥ 0 or a named state, got ${expected}`);
  }
  return BigInt(expected - 1);
}

/** A stream's version from the server's state: null where it does not exist (or was deleted). */
export function versionOf(state: CurrentStreamState): number | null {
  return state === NO_STREAM || state < 0n ? null : Number(state) + 1;
}

/** The record under which an append's idempotency key is kept: what findAppend answers. */
export interface KeyRecordData {
  streamId: string;
  idempotencyKey: string;
  firstVersion: number;
  lastVersion: number;
}
export const KEY_RECORD_TYPE = 'IdempotencyKeyRecorded';

/** One stream per (stream, key): hashed, since keys run to 500 characters of any text. */
export function keyStreamName(streamId: string, idempotencyKey: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([streamId, idempotencyKey]))
    .digest('hex');
  return KEY_STREAM_PREFIX + digest;
}

export interface AppendPlan {
  records: AppendRecordInput[];
  checks: ConsistencyCheck[];
  /** What each check stands for, by index (the server reports violations by index). */
  roles: ({ role: 'stream' } | { role: 'guard'; guard: StreamGuard } | { role: 'key' })[];
}

/**
 * One appendRecords call: the events, the stream's own expected version as the first check, a
 * check per guard, and, under an idempotency key, a record in the key's own stream that must not
 * exist yet, which makes a second append with the key fail as a whole, however it races.
 * `keyedAt` is the exact version the stream was at (a keyed append always checks an exact one).
 */
export function planAppend(
  streamId: string,
  events: NewEvent[],
  expected: ExpectedVersion,
  guards: readonly StreamGuard[],
  key?: { idempotencyKey: string; keyedAt: number },
  /** The server's name of a stream (the store's stream prefix + the id). */
  name: (streamId: string) => string = (streamId) => streamId,
): AppendPlan {
  const records: AppendRecordInput[] = events.map((e) => ({
    streamName: name(streamId),
    record: jsonEvent({
      id: e.eventId ?? randomUUID(),
      type: e.type,
      data: e.data as JSONType,
      metadata: encodeKurrentMetadata(e.metadata),
    }),
  }));
  const checks: ConsistencyCheck[] = [];
  const roles: AppendPlan['roles'] = [];
  const check = (streamName: string, expectedState: AppendStreamState) =>
    checks.push({ type: STREAM_STATE, streamName: name(streamName), expectedState });
  if (expected !== ANY) {
    check(streamId, toStreamState(expected));
    roles.push({ role: 'stream' });
  }
  for (const guard of guards) {
    check(guard.streamId, toStreamState(guard.version));
    roles.push({ role: 'guard', guard });
  }
  if (key) {
    const keyStream = keyStreamName(streamId, key.idempotencyKey);
    const data: KeyRecordData = {
      streamId,
      idempotencyKey: key.idempotencyKey,
      firstVersion: key.keyedAt + 1,
      lastVersion: key.keyedAt + events.length,
    };
    records.push({
      streamName: name(keyStream),
      record: jsonEvent({ type: KEY_RECORD_TYPE, data: data as unknown as JSONType }),
    });
    check(keyStream, NO_STREAM);
    roles.push({ role: 'key' });
  }
  return { records, checks, roles };
}

/**
 * Which refusal a consistency violation means, in the SQL stores' order: a key already used
 * first (the command was applied before), then the stream's own version, then the first guard.
 */
export function explainViolations(
  plan: AppendPlan,
  violations: readonly ConsistencyViolation[],
  streamId: string,
  expected: ExpectedVersion,
): { keyUsed: true } | { keyUsed: false; error: WrongExpectedVersionError } {
  const violated = [...violations].sort((a, b) => a.checkIndex - b.checkIndex);
  const roleOf = (v: ConsistencyViolation) => plan.roles[v.checkIndex];
  if (violated.some((v) => roleOf(v)?.role === 'key')) return { keyUsed: true };
  const own = violated.find((v) => roleOf(v)?.role === 'stream');
  if (own)
    return {
      keyUsed: false,
      error: new WrongExpectedVersionError(streamId, expected, versionOf(own.actualState)),
    };
  for (const v of violated) {
    const role = roleOf(v);
    if (role?.role === 'guard')
      return {
        keyUsed: false,
        error: new WrongExpectedVersionError(
          role.guard.streamId,
          role.guard.version,
          versionOf(v.actualState) ?? 0,
        ),
      };
  }
  const first = violated[0];
  return {
    keyUsed: false,
    error: new WrongExpectedVersionError(first?.streamName ?? streamId, expected, null),
  };
}

/**
 * A retry of an append that already went through (same event ids, same stream, same order,
 * right after the version it expected) is answered with the first result, as on the SQL stores.
 * `recorded` is what the stream holds from that version on.
 */
export function retriedAppendResult(events: NewEvent[], recorded: RecordedEvent[]): AppendResult | null {
  if (events.length === 0 || recorded.length !== events.length) return null;
  if (!events.every((e, i) => e.eventId !== undefined && e.eventId === recorded[i]!.eventId)) return null;
  const last = recorded.at(-1)!;
  return { nextExpectedVersion: last.streamVersion, lastGlobalPosition: last.globalPosition };
}
