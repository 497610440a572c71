import { randomBytes, randomUUID } from 'node:crypto';
import { ANY, NO_STREAM, type NewEvent, type SqlDatabase, SqlEventStore } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { DataKeys, subjectOf } from '../platform/crypto/data-keys.js';
import { EncryptingEventStore } from '../platform/crypto/encrypting-event-store.js';
import { SHREDDED, encryptValue, valueKey } from '../platform/crypto/value-cipher.js';
import type { CommandRunner } from '../platform/commands/command-runner.js';
import type { Projections } from '../platform/projections.service.js';
import { Shredder } from './shredder.js';

/*
 * The erasure plan over a log that holds both stored formats: values sealed one by one (enc1,
 * written before docs/adr/0032) and events sealed whole (enc2). Only the matching values go;
 * the rest of each event, of the subject and of other subjects stays readable.
 */
const metadata = {
  actorId: 'user-1',
  organisationId: 'org-1',
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2024-11-25T08:00:00Z',
};

const narrative = (before: string, after: string): NewEvent => ({
  type: 'NarrativeWritten',
  data: { changes: [{ field: 'narrative', before, after }] },
  metadata,
});

type Changes = { changes: { before: string; after: string }[] };

describe('Shredder: erasure over enc1 and enc2 events', () => {
  let db: SqlDatabase;
  let store: EncryptingEventStore;
  let shredder: Shredder;
  beforeAll(async () => {
    db = await freshPglite();
    store = new EncryptingEventStore(new SqlEventStore(db), new DataKeys(db, randomBytes(32)));
    await store.init();
    // planErasure and erase use the store and the database only; rebuilding is afterShred's.
    shredder = new Shredder(
      store,
      db,
      [],
      undefined as unknown as Projections,
      undefined as unknown as CommandRunner,
    );
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  it('erases exactly the values that name the person, in both formats, twice over', async () => {
    const stream = 'report-2024-W30.org-1';
    const { keyId, key } = await store.keys.keyFor(subjectOf(stream));
    const oldId = randomUUID();
    await store.raw.append(
      stream,
      [
        {
          ...narrative('', ''),
          eventId: oldId,
          data: {
            changes: [
              {
                field: 'narrative',
                before: encryptValue(keyId, valueKey(key, oldId, '/changes/0/before'), 'Lugnt'),
                after: encryptValue(keyId, valueKey(key, oldId, '/changes/0/after'), 'Olle Berg bråkade'),
              },
            ],
          },
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    await store.append(
      stream,
      [
        narrative('Olle Berg bråkade', 'Kalle Anka klottrade'),
        narrative('Kalle Anka klottrade', 'Lugn vecka'),
        narrative('Lugn vecka', 'Olle berg  igen'),
      ],
      { expectedVersion: ANY },
    );
    await store.append('report-2024-W30.org-2', [narrative('', 'Olle Berg på torget')], {
      expectedVersion: NO_STREAM,
    });

    const plan = await shredder.planErasure({ text: 'olle berg' });
    // Case and spacing aside: the enc1 after, the enc2 before and the last after, the other report.
    expect(plan.erased).toBe(4);
    expect(JSON.stringify(plan.locations)).not.toContain('Olle');
    await shredder.erase(plan);
    store.keys.forget();
    const read = async (id: string) =>
      ((await store.readStream(id)) as unknown as { data: Changes }[]).map((event) => event.data.changes[0]);
    expect(await read(stream)).toEqual([
      { field: 'narrative', before: 'Lugnt', after: SHREDDED },
      { field: 'narrative', before: SHREDDED, after: 'Kalle Anka klottrade' },
      { field: 'narrative', before: 'Kalle Anka klottrade', after: 'Lugn vecka' },
      { field: 'narrative', before: 'Lugn vecka', after: SHREDDED },
    ]);
    expect(await read('report-2024-W30.org-2')).toEqual([
      { field: 'narrative', before: '', after: SHREDDED },
    ]);
    expect((await shredder.planErasure({ text: 'Olle Berg' })).erased).toBe(0);

    // A second person in the same, now split, subject.
    const second = await shredder.planErasure({ text: 'Kalle Anka' });
    expect(second.erased).toBe(2);
    await shredder.erase(second);
    store.keys.forget();
    expect(await read(stream)).toEqual([
      { field: 'narrative', before: 'Lugnt', after: SHREDDED },
      { field: 'narrative', before: SHREDDED, after: SHREDDED },
      { field: 'narrative', before: SHREDDED, after: 'Lugn vecka' },
      { field: 'narrative', before: 'Lugn vecka', after: SHREDDED },
    ]);
    // The event kept whole by the first erasure lost its key row to its kept values; the one with
    // nothing left to keep has no row at all.
    const rows = async (table: string) =>
      Number(
        (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE key_id = $1`, [keyId]))
          .rows[0]!.n,
      );
    expect(await rows('gallring_event_keys')).toBe(0);
    expect(await rows('gallring_kept_values')).toBe(2);
    expect(await rows('gallring_value_keys')).toBe(1);
    // The database holds no plain copy of what was erased beside the log (values are sealed).
    const { rows: kept } = await db.query<{ sealed: string }>(`SELECT sealed FROM gallring_kept_values`);
    expect(JSON.stringify(kept)).not.toMatch(/Olle|Kalle|Lugn/);
  });
});
