import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { eventStoreContract } from '../contract/event-store.contract.js';
import type { NewEvent } from '../event.js';
import { NO_STREAM } from '../expected-version.js';
import { openPostgres } from './postgres-database.js';
import { SqlEventStore } from './sql-event-store.js';

describeWith(['postgres'], 'SqlEventStore on PostgreSQL', () => {
  eventStoreContract({
    open: async () => {
      const database = await createTestDatabase();
      const db = openPostgres(database.url, { max: 12 });
      const store = new SqlEventStore(db, { pollIntervalMs: 200 });
      return {
        store,
        // A transaction on a pooled connection of its own, held open until commit().
        beginOpenAppend: async (streamId: string, events: NewEvent[]) => {
          let appended!: () => void;
          let failed!: (error: unknown) => void;
          const ready = new Promise<void>((resolve, reject) => ((appended = resolve), (failed = reject)));
          let commit!: () => void;
          const release = new Promise<void>((resolve) => (commit = resolve));
          const done = db.transaction(async (tx) => {
            await store.appendInTransaction(tx, streamId, events, { expectedVersion: NO_STREAM });
            appended();
            await release;
          });
          done.catch(failed);
          await ready;
          return {
            commit: async () => {
              commit();
              await done;
            },
          };
        },
        close: async () => {
          await store.close();
          await db.close();
          await database.drop();
        },
      };
    },
    outOfOrderCommit: { possible: true },
  });
});
