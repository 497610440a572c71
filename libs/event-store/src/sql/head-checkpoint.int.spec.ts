import type { EventMetadata } from '../event.js';
import { ANY } from '../expected-version.js';
import { freshPglite } from '../testing.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlEventStore } from './sql-event-store.js';

const metadata: EventMetadata = {
  actorId: 'test',
  organisationId: null,
  correlationId: 'head-checkpoint',
  causationId: null,
  occurredAt: '2024-11-25T08:00:00.000Z',
};

/**
 * The head is what caughtUp() waits for, so a head behind the real one lets read-after-write
 * return before the read models have the write. Transaction ids are compared as numbers: this
 * test appends until they gain a digit (999 → 1000), where a text comparison goes wrong.
 */
describe('SqlEventStore.headCheckpoint across a digit boundary of transaction ids (PGlite)', () => {
  let db: SqlDatabase;
  let store: SqlEventStore;

  beforeAll(async () => {
    db = await freshPglite();
    store = new SqlEventStore(db);
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  it('is the checkpoint of the last event appended, whatever the number of digits', async () => {
    const digits = async () =>
      (await db.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]!.xid.length;
    const before = await digits();
    let appended = 0;
    while ((await digits()) === before) {
      await store.append('head', [{ type: 'Ticked', data: { n: appended++ }, metadata }], {
        expectedVersion: ANY,
      });
      if (appended > 20_000) throw new Error('transaction ids did not gain a digit');
    }
    await store.append('head', [{ type: 'Ticked', data: { n: appended }, metadata }], {
      expectedVersion: ANY,
    });
    const [last] = (await store.readStream('head')).slice(-1);
    expect(await store.headCheckpoint()).toBe(last!.checkpoint);
  });
});
