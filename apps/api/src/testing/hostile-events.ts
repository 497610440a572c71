import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '@laget/event-store';
import { everyEventTemplate, type Family } from './every-event.js';

/**
 * Times the application writes from its own clock (never from what a person typed); projections
 * store them as timestamptz, so they stay valid times. Every other string becomes hostile.
 */
const clockFields = new Set([
  'occurredAt',
  'openedAt',
  'submittedAt',
  'withdrawnAt',
  'publishedAt',
  'until',
  'expiresAt',
  'at',
  'recordedAt',
]);

/** `value` with every string (but clock times) replaced by the next of `texts`, and one hostile key added to each object. */
export function withHostileText(value: unknown, next: () => string, key?: string): unknown {
  if (typeof value === 'string')
    return key && clockFields.has(key) && /^\d{4}-\d\d-\d\dT/.test(value) ? value : next();
  if (Array.isArray(value)) return value.map((item) => withHostileText(item, next));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, item]) => [k, withHostileText(item, next, k)] as const);
  return Object.fromEntries([...entries, [next(), next()]]);
}

/**
 * One of every event type with hostile text, as NewEvents grouped by stream in a realistic order
 * (a report's stream starts with ReportOpened, a lägesbild's with LagesbildCompiled).
 */
export function everyEventWithHostileText(texts: readonly string[]): Map<string, NewEvent[]> {
  let index = 0;
  const next = () => texts[index++ % texts.length]!;
  const suffix = randomUUID();
  // Projections read ids from these prefixes; the rest of a stream id is never typed by a person.
  // A plan's stream names its year (`atgardsplan-2026`), read as a number: one per test database.
  const streamOf = (family: Family) =>
    family === 'atgardsplan'
      ? 'atgardsplan-2026'
      : `${family}-${family === 'lagesbild' ? `2024-W48-${suffix}` : suffix}`;
  const streams = new Map<string, NewEvent[]>();
  for (const [type, template] of Object.entries(everyEventTemplate)) {
    const streamId = streamOf(template.family);
    const metadata = withHostileText(
      {
        actorId: 'user-1',
        organisationId: 'org-1',
        correlationId: 'c',
        causationId: null,
        occurredAt: new Date().toISOString(),
        ip: '127.0.0.1',
      },
      next,
    ) as EventMetadata;
    const list = streams.get(streamId) ?? [];
    list.push({ type, data: withHostileText(template.data, next), metadata });
    streams.set(streamId, list);
  }
  return streams;
}
