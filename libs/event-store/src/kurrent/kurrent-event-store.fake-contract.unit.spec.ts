import { eventStoreContract } from '../contract/event-store.contract.js';
import { KurrentEventStore } from './kurrent-event-store.js';
import { FakeKurrentClient } from './testing/fake-kurrent-client.js';

// The whole event store contract against the adapter on an in-memory stand-in for the client
// (testing/fake-kurrent-client.ts). It proves the adapter's mapping and control flow (checks,
// key streams, pages, retries), not KurrentDB: kurrent-event-store.int.spec.ts runs the same
// contract on a real server where EVENTSTORE_URL is set.
describe('KurrentEventStore on a stand-in client', () => {
  eventStoreContract({
    open: async () => {
      const store = new KurrentEventStore(new FakeKurrentClient());
      await store.init();
      return { store, close: () => store.close() };
    },
    outOfOrderCommit: {
      possible: false,
      reason: 'KurrentDB assigns $all positions in commit order, so a later position cannot commit earlier',
    },
  });
});
