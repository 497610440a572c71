import { randomUUID } from 'node:crypto';
import type { Checkpoint, EventMetadata, NewEvent, RecordedEvent } from '../event.js';
import type { EventStore } from '../event-store.js';

/** What the event store contract's parts share: a metadata, events, fresh stream ids and log reads. */

export const metadata: EventMetadata = {
  actorId: 'user-1',
  organisationId: 'org-polisen',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  causationId: null,
  occurredAt: '2024-11-25T08:30:00+01:00',
};

export function event(type: string, data: unknown, extra: Partial<NewEvent> = {}): NewEvent {
  return { type, data, metadata, ...extra };
}

export function stream(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Everything readAll returns after `from`, page by page. */
export async function readAllFrom(
  store: EventStore,
  from: Checkpoint | null,
  pageSize = 1000,
): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await store.readAll(checkpoint, pageSize);
    all.push(...page.events);
    if (page.events.length < pageSize) return all;
    checkpoint = page.checkpoint;
  }
}

/**
 * Everything committed after `from` up to now. readAll alone may lag behind a commit while any
 * older transaction of the database server is still open (that is the no-skip rule at work), so
 * "up to now" is asked of a subscription, which waits for exactly that.
 */
export async function committedAfter(store: EventStore, from: Checkpoint | null): Promise<RecordedEvent[]> {
  const delivered: RecordedEvent[] = [];
  const subscription = store.subscribe({ from, onEvent: async (e) => void delivered.push(e) });
  try {
    await subscription.caughtUp();
  } finally {
    await subscription.stop();
  }
  return delivered;
}

export async function lastCheckpoint(store: EventStore): Promise<Checkpoint | null> {
  return (await committedAfter(store, null)).at(-1)?.checkpoint ?? null;
}

export async function settle<T>(promises: Promise<T>[]): Promise<{ won: T[]; lost: unknown[] }> {
  const results = await Promise.allSettled(promises);
  return {
    won: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    lost: results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : [])),
  };
}
