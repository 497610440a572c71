import { isDatabaseUnavailable, type RecordedEvent } from '@laget/event-store';
import type { ProjectionStall } from '@laget/contracts';
import type { Projection } from './projection.js';

export type { ProjectionStall } from '@laget/contracts';

/** An event the projection's code or the read store refused; the batch around it was retried one by one to find it. */
export class EventApplyError extends Error {
  override readonly name = 'EventApplyError';
  constructor(
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`event ${event.globalPosition} (${event.type}): ${describe(cause)}`);
  }
}

/** Thrown at once to whoever waits for a stalled projection: the HTTP layer answers 503 with it. */
export class ProjectionStalledError extends Error {
  override readonly name = 'ProjectionStalledError';
  constructor(readonly stall: ProjectionStall) {
    super(
      `Projection ${stall.projection} is stalled at event ${stall.position} (${stall.eventType}): ${stall.reason}`,
    );
  }
}

export class ProjectionLagError extends Error {
  override readonly name = 'ProjectionLagError';
  constructor(
    readonly projection: string,
    state: string,
    timeoutMs: number,
    lastError: unknown,
  ) {
    super(
      `Projection ${projection} did not catch up within ${timeoutMs} ms (state ${state}` +
        (lastError ? `, last error: ${publicReason(lastError)})` : ')'),
    );
  }
}

/** SQLSTATE classes of a lost or busy server, not of the event: 08 connection, 53 resources, 57 operator, 58 system, 40 rollback. */
const transientSqlState = /^(08|53|57|58|40)|^55P03$/;
const transientMessage =
  /connection (terminated|closed|ended|lost|refused)|terminated unexpectedly|timeout|timed out/i;

/**
 * Whether a failure says nothing about the event (a lost connection, a busy or restarting server)
 * and retrying later may well succeed. Everything else (a data exception, a constraint, a bug in
 * the projection's code) fails the same way on every retry: it counts toward a stall.
 */
export function isTransient(error: unknown): boolean {
  // A database that cannot be reached (what the HTTP layer answers 503 for) is always transient;
  // a projection also waits out a busy or rolled-back server (the broader classes above).
  if (isDatabaseUnavailable(error)) return true;
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as Error).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && transientSqlState.test(code)) return true;
    if (e instanceof Error && transientMessage.test(e.message)) return true;
    if (e instanceof EventApplyError) continue;
  }
  return false;
}

/**
 * Writes a batch with `write`; when the store refuses it (for a reason `retryable` does not
 * excuse), writes its events one per transaction to find the one at fault and throws an
 * EventApplyError naming it. The events before it stay applied, as one by one they would have been.
 */
export async function writeNamingRefusedEvent(
  events: readonly RecordedEvent[],
  last: RecordedEvent,
  write: (events: readonly RecordedEvent[], last: RecordedEvent) => Promise<void>,
  retryable: (error: unknown) => boolean,
): Promise<void> {
  try {
    await write(events, last);
  } catch (error) {
    if (events.length === 0 || retryable(error)) throw error;
    if (events.length === 1) throw new EventApplyError(events[0]!, error);
    for (const event of events) {
      try {
        await write([event], event);
      } catch (single) {
        if (retryable(single)) throw single;
        throw new EventApplyError(event, single);
      }
    }
    await write([], last);
  }
}

/**
 * Runs a reactor's `react` on a batch; when it fails for a reason `retryable` does not excuse,
 * reacts event by event to find the one at fault and throws an EventApplyError naming it, so a
 * reactor that cannot go on stalls loudly at that event as a projection does, instead of being
 * retried every 30 s in silence. Reacting again to the events before it is harmless: their job
 * ids are derived from the event, and the queue ignores an id it knows.
 */
export async function reactNamingFailedEvent(
  projection: Pick<Projection, 'react'>,
  events: readonly RecordedEvent[],
  retryable: (error: unknown) => boolean,
): Promise<void> {
  if (!projection.react || events.length === 0) return;
  const react = (batch: readonly RecordedEvent[]) => projection.react!(batch as never[]);
  try {
    await react(events);
  } catch (error) {
    if (retryable(error)) throw error;
    if (events.length === 1) throw new EventApplyError(events[0]!, error);
    for (const event of events) {
      try {
        await react([event]);
      } catch (single) {
        if (retryable(single)) throw single;
        throw new EventApplyError(event, single);
      }
    }
  }
}

export function stallOf(projection: string, error: EventApplyError): ProjectionStall {
  return {
    projection,
    position: error.event.globalPosition,
    eventType: error.event.type,
    eventId: error.event.eventId,
    reason: publicReason(error.cause),
    since: new Date().toISOString(),
  };
}

/**
 * The error's message for `/health/ready` (public), the panel and 503s: cut to 300 characters, and
 * without the value PostgreSQL quotes in "invalid input syntax for type …: "<value>"", which is a
 * piece of the event. The log keeps the whole message.
 */
export function publicReason(error: unknown): string {
  return describe(error)
    .replace(/: "(?:[^"\\]|\\.)*"/g, ': "…"')
    .slice(0, 300);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
