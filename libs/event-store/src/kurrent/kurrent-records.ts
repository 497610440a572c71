import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { Checkpoint, RecordedEvent } from '../event.js';
import { decodeKurrentMetadata } from './kurrent-metadata-codec.js';

/**
 * Streams that hold one record per idempotency key (docs/adr/0020): written in the same
 * appendRecords call as the events they describe, never delivered as events of the application.
 */
export const KEY_STREAM_PREFIX = 'laget-idempotency-';

/** The position of a record as the client gives it, whether or not the record is ours. */
export function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): Position | null {
  const event = resolved.event;
  if (event?.position) return event.position;
  // Stream reads may carry only the commit position.
  return resolved.commitPosition === undefined
    ? null
    : { commit: resolved.commitPosition, prepare: resolved.commitPosition };
}

/**
 * The application's event in a record, or null for what is not one: system events ($-prefixed
 * types), records that are not JSON, records outside the store's stream prefix (whose prefix is
 * taken off the stream ids of the rest), and the idempotency key records.
 */
export function toRecordedEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  streamPrefix = '',
): RecordedEvent | null {
  const event = resolved.event;
  if (!event || !event.isJson || event.type.startsWith('$') || !event.streamId.startsWith(streamPrefix))
    return null;
  const streamId = event.streamId.slice(streamPrefix.length);
  if (streamId.startsWith(KEY_STREAM_PREFIX)) return null;
  const position = positionOf(resolved) ?? { commit: 0n, prepare: 0n };
  return {
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: decodeKurrentMetadata(event.metadata),
    streamId,
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

export function comparePositions(x: Position, y: Position): number {
  if (x.commit !== y.commit) return x.commit < y.commit ? -1 : 1;
  if (x.prepare !== y.prepare) return x.prepare < y.prepare ? -1 : 1;
  return 0;
}

export function compareKurrentCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return comparePositions(decodeKurrentCheckpoint(a), decodeKurrentCheckpoint(b));
}
