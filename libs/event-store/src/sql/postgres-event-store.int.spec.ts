import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import {
  startThrowawayPostgres,
  throwawayServicesAvailable,
  type ThrowawayPostgres,
} from '../../../../test/support/throwaway-services.js';
import { eventStoreContract } from '../contract/event-store.contract.js';
import type { NewEvent } from '../event.js';
import { NO_STREAM } from '../expected-version.js';
import { openPostgres } from './postgres-database.js';
import { SqlEventStore } from './sql-event-store.js';

describeWith(['postgres'], 'SqlEventStore on PostgreSQL', () => {
  eventStoreContract({
    open: async () => {
      const database = await createTestDatabase();
      // Six connections give real concurrency while leaving room on a server shared by parallel suites.
      const db = openPostgres(database.url, { max: 6 });
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

/*
 * These two measure wake-ups, so they run on a PostgreSQL cluster of their own: delivery waits
 * for the oldest write transaction in the whole cluster (docs/adr/0003), and on the shared test
 * server another jest worker's transaction once held this test's event back past its timeout.
 */
const ownCluster = throwawayServicesAvailable().postgres;
if (!ownCluster && process.env.CI === 'true') {
  throw new Error('CI=true but no PostgreSQL server binaries for a cluster of the wake-up tests');
}
(ownCluster ? describe : describe.skip)('SqlEventStore on PostgreSQL across instances', () => {
  let cluster: ThrowawayPostgres;
  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
  }, 120_000);
  afterAll(() => cluster?.destroy());

  /** A fresh database in the cluster of this suite. */
  async function createDatabase(): Promise<{ url: string }> {
    const name = `wake_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return { url: url.toString() };
  }

  it('wakes a subscriber in another instance through NOTIFY, long before its next poll', async () => {
    const database = await createDatabase();
    const [dbA, dbB] = [openPostgres(database.url, { max: 2 }), openPostgres(database.url, { max: 2 })];
    const writer = new SqlEventStore(dbA);
    // A poll interval far beyond the test's timeout: only a notification can deliver in time.
    const reader = new SqlEventStore(dbB, { pollIntervalMs: 10 * 60_000 });
    try {
      await writer.init();
      let delivered!: (streamId: string) => void;
      const arrived = new Promise<string>((resolve) => (delivered = resolve));
      const subscription = reader.subscribe({ from: null, onEvent: async (e) => delivered(e.streamId) });
      // Let the subscriber finish its first (empty) read and go to sleep before appending.
      await subscription.caughtUp();
      await writer.append('organisation-polisen', [{ type: 'OrganisationCreated', data: {}, metadata }], {
        expectedVersion: NO_STREAM,
      });
      expect(await arrived).toBe('organisation-polisen');
      await subscription.stop();
    } finally {
      await writer.close();
      await reader.close();
      await dbA.close();
      await dbB.close();
    }
  }, 20_000);

  it("wakes its own subscriber for an append made inside a caller's transaction (the NOTIFY it skips is only its own announcement)", async () => {
    const database = await createDatabase();
    const db = openPostgres(database.url, { max: 2 });
    const store = new SqlEventStore(db, { pollIntervalMs: 10 * 60_000 });
    try {
      await store.init();
      let delivered!: (streamId: string) => void;
      const arrived = new Promise<string>((resolve) => (delivered = resolve));
      const subscription = store.subscribe({ from: null, onEvent: async (e) => delivered(e.streamId) });
      await subscription.caughtUp();
      await new Promise((resolve) => setTimeout(resolve, 200)); // asleep until woken
      await db.transaction((tx) =>
        store.appendInTransaction(
          tx,
          'organisation-skolan',
          [{ type: 'OrganisationCreated', data: {}, metadata }],
          {
            expectedVersion: NO_STREAM,
          },
        ),
      );
      expect(await arrived).toBe('organisation-skolan');
      await subscription.stop();
    } finally {
      await store.close();
      await db.close();
    }
  }, 20_000);
});

const metadata = {
  actorId: 'user-1',
  organisationId: null,
  correlationId: 'c0ffee00-0000-4000-8000-000000000002',
  causationId: null,
  occurredAt: '2024-11-25T08:30:00+01:00',
};
