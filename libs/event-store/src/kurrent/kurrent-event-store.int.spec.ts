import { eventStoreContract } from '../contract/event-store.contract.js';
import { KurrentEventStore, MINIMUM_KURRENTDB_VERSION } from './kurrent-event-store.js';

// No KurrentDB server can run on the development machines or in CI here; where one is reachable,
// EVENTSTORE_URL (e.g. kurrentdb://127.0.0.1:2113?tls=false) runs the contract.
const url = process.env.EVENTSTORE_URL;
const reason = `EVENTSTORE_URL is not set (needs KurrentDB ${MINIMUM_KURRENTDB_VERSION} or newer, e.g. docker compose --profile kurrentdb up -d)`;

if (url) {
  describe('KurrentEventStore', () => {
    eventStoreContract({
      open: async () => {
        const store = new KurrentEventStore(url);
        await store.init();
        return { store, close: () => store.close() };
      },
      outOfOrderCommit: {
        possible: false,
        reason: 'KurrentDB assigns $all positions in commit order, so a later position cannot commit earlier',
      },
    });
  });
} else {
  console.log(`[laget tests] KurrentEventStore contract skipped: ${reason}.`);
  describe.skip(`KurrentEventStore (skipped: ${reason})`, () => {
    it('passes the event store contract', () => undefined);
  });
}
