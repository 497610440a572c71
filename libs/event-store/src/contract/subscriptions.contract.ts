import { NO_STREAM } from '../expected-version.js';
import type { RecordedEvent } from '../event.js';
import type { EventStore } from '../event-store.js';
import { committedAfter, event, stream } from './contract-helpers.js';

/** Subscriptions: every event exactly once and in order, and failures reported. Part of the event store contract; `store` is read when the tests run. */
export function subscriptionsContract(storeOf: () => EventStore): void {
  describe('subscriptions', () => {
    let store: EventStore;
    beforeAll(() => {
      store = storeOf();
    });
    it('delivers every event exactly once and in order: the history, then what is appended while it runs', async () => {
      const id = stream('history');
      await store.append(
        id,
        Array.from({ length: 30 }, (_, i) => event('Old', { i })),
        { expectedVersion: NO_STREAM },
      );
      const delivered: RecordedEvent[] = [];
      const subscription = store.subscribe({
        from: null,
        batchSize: 7,
        onEvent: async (e) => {
          delivered.push(e);
        },
      });
      try {
        // Concurrent live writers to distinct streams while the subscriber catches up.
        await Promise.all(
          Array.from({ length: 4 }, async (_, w) => {
            const sid = stream(`live-${w}`);
            for (let v = 0; v < 10; v++) {
              await store.append(sid, [event('Live', { w, v })], { expectedVersion: v });
            }
          }),
        );
        await subscription.caughtUp();
        const everything = await committedAfter(store, null);
        expect(delivered.map((e) => e.eventId)).toEqual(everything.map((e) => e.eventId));
        expect(new Set(delivered.map((e) => e.eventId)).size).toBe(delivered.length);

        // And after catching up, live.
        const late = stream('late');
        await store.append(late, [event('Late', {})], { expectedVersion: NO_STREAM });
        await subscription.caughtUp();
        expect(delivered.at(-1)!.streamId).toBe(late);
      } finally {
        await subscription.stop();
      }
    });

    it('resumes after a checkpoint without repeating it, and stops delivering once stopped', async () => {
      const id = stream('resume');
      await store.append(id, [event('A', {}), event('B', {}), event('C', {})], {
        expectedVersion: NO_STREAM,
      });
      const [, b] = await store.readStream(id);
      const delivered: RecordedEvent[] = [];
      const subscription = store.subscribe({
        from: b!.checkpoint,
        onEvent: async (e) => void delivered.push(e),
      });
      await subscription.caughtUp();
      expect(delivered.filter((e) => e.streamId === id).map((e) => e.type)).toEqual(['C']);
      await subscription.stop();
      const count = delivered.length;
      await store.append(id, [event('D', {})], { expectedVersion: 3 });
      // A second subscriber proves D is readable; the stopped one never sees it.
      const witness = store.subscribe({ from: b!.checkpoint, onEvent: async () => undefined });
      await witness.caughtUp();
      await witness.stop();
      expect(delivered).toHaveLength(count);
    });

    it('stops on a failing handler and reports the error, without skipping the failed event', async () => {
      const id = stream('failing');
      await store.append(id, [event('Poison', {})], { expectedVersion: NO_STREAM });
      const [poison] = await store.readStream(id);
      const from = null;
      const failure = new Error('handler failed');
      const reported = new Promise<unknown>((resolve) => {
        const subscription = store.subscribe({
          from,
          onEvent: async (e) => {
            if (e.eventId === poison!.eventId) throw failure;
          },
          onError: resolve,
        });
        void subscription.caughtUp().catch(() => undefined);
      });
      expect(await reported).toBe(failure);
    });
  });
}
