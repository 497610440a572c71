import { randomUUID } from 'node:crypto';
import { DuplicateIdempotencyKeyError, WrongExpectedVersionError } from '../errors.js';
import type { EventMetadata, NewEvent } from '../event.js';
import type { EventStore } from '../event-store.js';
import { ANY, NO_STREAM } from '../expected-version.js';

const metadata: EventMetadata = {
  actorId: 'user-1',
  organisationId: 'org-polisen',
  correlationId: 'c0ffee00-0000-4000-8000-000000000002',
  causationId: null,
  occurredAt: '2024-11-25T08:30:00+01:00',
};

function event(type: string): NewEvent {
  return { type, data: { type }, metadata };
}

/**
 * Appends under an idempotency key (docs/adr/0014): the key is recorded with the events, found
 * again by `findAppend`, and a second append with it appends nothing. Part of the event store
 * contract; `store` is read when the tests run.
 */
export function idempotentAppendContract(store: () => EventStore): void {
  describe('appends under an idempotency key', () => {
    it('records the key with the events and finds that append again', async () => {
      const id = `report-${randomUUID()}`;
      await store().append(id, [event('Opened')], { expectedVersion: NO_STREAM });
      const appended = await store().append(id, [event('A'), event('B')], {
        expectedVersion: 1,
        idempotencyKey: 'user-1 POST /api/reports/x/incidents key-1',
      });
      const found = await store().findAppend(id, 'user-1 POST /api/reports/x/incidents key-1');
      expect(found).toEqual({
        streamId: id,
        idempotencyKey: 'user-1 POST /api/reports/x/incidents key-1',
        firstVersion: 2,
        lastVersion: 3,
        // KurrentDB's stream reads may carry only the commit position, not the append's prepare.
        lastGlobalPosition:
          store().kind === 'eventstoredb' ? expect.any(Number) : appended.lastGlobalPosition,
      });
      // The events read back as any others: the key is not part of their metadata.
      const events = await store().readStream(id);
      expect(events.map((e) => e.metadata)).toEqual([metadata, metadata, metadata]);
      expect(await store().findAppend(id, 'another key')).toBeNull();
      expect(await store().findAppend(`report-${randomUUID()}`, 'key-1')).toBeNull();
    });

    it('appends nothing for a key the stream already holds, whatever version it expects', async () => {
      const id = `report-${randomUUID()}`;
      const first = await store().append(id, [event('A')], {
        expectedVersion: NO_STREAM,
        idempotencyKey: 'k',
      });
      for (const expectedVersion of [1, NO_STREAM, ANY] as const) {
        const again = store().append(id, [event('A'), event('B')], { expectedVersion, idempotencyKey: 'k' });
        await expect(again).rejects.toBeInstanceOf(DuplicateIdempotencyKeyError);
        await again.catch((error: DuplicateIdempotencyKeyError) => {
          expect(error.recorded).toMatchObject({ firstVersion: 1, lastVersion: 1 });
          if (store().kind !== 'eventstoredb')
            expect(error.recorded?.lastGlobalPosition).toBe(first.lastGlobalPosition);
        });
      }
      expect(await store().readStream(id)).toHaveLength(1);
      // The same key on another stream is another key.
      const other = `report-${randomUUID()}`;
      await store().append(other, [event('A')], { expectedVersion: NO_STREAM, idempotencyKey: 'k' });
      expect(await store().findAppend(other, 'k')).toMatchObject({ firstVersion: 1, lastVersion: 1 });
    });

    it('records no key when the append fails or appends nothing', async () => {
      const id = `report-${randomUUID()}`;
      await store().append(id, [event('A')], { expectedVersion: NO_STREAM });
      await expect(
        store().append(id, [event('B')], { expectedVersion: NO_STREAM, idempotencyKey: 'refused' }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await store().append(id, [], { expectedVersion: 1, idempotencyKey: 'empty' });
      expect(await store().findAppend(id, 'refused')).toBeNull();
      expect(await store().findAppend(id, 'empty')).toBeNull();
      // Both keys remain free for the command that does append.
      await store().append(id, [event('B')], { expectedVersion: 1, idempotencyKey: 'refused' });
      expect(await store().findAppend(id, 'refused')).toMatchObject({ firstVersion: 2, lastVersion: 2 });
    });

    it('lets exactly one of concurrent appends with the same key through', async () => {
      const id = `report-${randomUUID()}`;
      await store().append(id, [event('Opened')], { expectedVersion: NO_STREAM });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          store().append(id, [event('Added')], { expectedVersion: 1, idempotencyKey: 'once' }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of results.filter((r) => r.status === 'rejected')) {
        expect(lost.reason).toBeInstanceOf(DuplicateIdempotencyKeyError);
      }
      expect((await store().readStream(id)).map((e) => e.type)).toEqual(['Opened', 'Added']);
    });
  });
}
