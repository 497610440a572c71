import { eventStoreContract } from '../contract/event-store.contract.js';
import { freshPglite } from '../testing.js';
import { SqlEventStore } from './sql-event-store.js';

describe('SqlEventStore on PGlite', () => {
  eventStoreContract({
    open: async () => {
      const db = await freshPglite();
      const store = new SqlEventStore(db);
      return {
        store,
        close: async () => {
          await store.close();
          await db.close();
        },
      };
    },
    outOfOrderCommit: {
      possible: false,
      reason: 'PGlite has one connection and runs every transaction after the previous one has ended',
    },
  });
});
