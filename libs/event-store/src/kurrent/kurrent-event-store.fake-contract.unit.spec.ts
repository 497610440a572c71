import { eventStoreContract } from '../contract/event-store.contract.js';
import { NO_STREAM } from '../expected-version.js';
import { KurrentEventStore } from './kurrent-event-store.js';
import { FakeKurrentClient } from './testing/fake-kurrent-client.js';

// The whole event store contract against the adapter on an in-memory stand-in for the client
// (testing/fake-kurrent-client.ts). It proves the adapter's mapping and control flow (checks,
// key streams, pages, retries), not KurrentDB: kurrent-event-store.int.spec.ts runs the same
// contract on a real server where EVENTSTORE_URL is set.
describe.each([
  ['', 'without a stream prefix'],
  ['app-1-', 'on a stream prefix, beside another application writing the same stream ids'],
])('KurrentEventStore on a stand-in client (%s: %s)', (streamPrefix) => {
  eventStoreContract({
    open: async () => {
      const client = new FakeKurrentClient();
      if (streamPrefix) {
        // Another store on the same server: the contract must see none of it.
        const neighbour = new KurrentEventStore(client, { streamPrefix: 'app-2-' });
        await neighbour.append('report-1', [{ type: 'Neighbour', data: {}, metadata: {} as never }], {
          expectedVersion: NO_STREAM,
          idempotencyKey: 'k',
        });
      }
      const store = new KurrentEventStore(client, { streamPrefix });
      await store.init();
      return { store, close: () => store.close() };
    },
    outOfOrderCommit: {
      possible: false,
      reason: 'KurrentDB assigns $all positions in commit order, so a later position cannot commit earlier',
    },
  });
});
