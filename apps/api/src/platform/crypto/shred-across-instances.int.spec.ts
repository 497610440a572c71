import { randomBytes, randomUUID } from 'node:crypto';
import { NO_STREAM, type SqlDatabase, SqlEventStore, openPostgres } from '@laget/event-store';
import { createTestDatabase, describeWith } from '../../../../../test/support/services.js';
import { DataKeys, subjectOf } from './data-keys.js';
import { EncryptingEventStore } from './encrypting-event-store.js';
import { SHREDDED, eventKey, sealEventValues } from './value-cipher.js';

/*
 * Two instances of Läget on one PostgreSQL database (ADR 0033): a shred in one reaches the
 * other at its commit. Before, the other trusted its cached key and opened texts for up to a
 * minute (the TTL, which these instances keep at its default, so only the notification can pass).
 */
describeWith(['postgres'], 'a shred reaches every instance', () => {
  let drop: () => Promise<void>;
  const dbs: SqlDatabase[] = [];
  let one: EncryptingEventStore;
  let other: EncryptingEventStore;
  const master = randomBytes(32);

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const instance = async () => {
      const db = openPostgres(database.url, { max: 4 });
      dbs.push(db);
      const store = new EncryptingEventStore(new SqlEventStore(db), new DataKeys(db, master));
      await store.init();
      return store;
    };
    one = await instance();
    other = await instance();
  });

  afterAll(async () => {
    await one.close();
    await other.close();
    for (const db of dbs) await db.close();
    await drop();
  });

  const problemIn = async (store: EncryptingEventStore, stream: string) =>
    ((await store.readStream(stream))[0]!.data as { incident: { problem: string } }).incident.problem;

  it('makes the other instance read "[gallrad]" at once, and forget what it folded', async () => {
    const stream = `report-2024-W30.${randomUUID()}`;
    await one.append(
      stream,
      [
        {
          type: 'IncidentReported',
          data: { incidentId: 'i-1', incident: { problem: 'Olle Berg klottrade' }, changes: [] },
          metadata: {
            actorId: 'user-1',
            organisationId: 'org-1',
            correlationId: 'c-1',
            causationId: null,
            occurredAt: '2024-07-22T08:00:00Z',
          },
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    // The other instance has the key and the opened text in memory.
    expect(await problemIn(other, stream)).toBe('Olle Berg klottrade');
    let told = 0;
    other.keys.onShred(() => told++);

    const { rows } = await dbs[0]!.query<{ key_id: string }>(
      'SELECT key_id FROM gallring_data_keys WHERE subject = $1',
      [stream],
    );
    await dbs[0]!.transaction((tx) => one.keys.shredSubjects(tx, [rows[0]!.key_id]));

    const deadline = Date.now() + 5_000;
    while ((await problemIn(other, stream)) !== SHREDDED && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await problemIn(other, stream)).toBe(SHREDDED);
    expect(await problemIn(one, stream)).toBe(SHREDDED);
    expect(told).toBeGreaterThanOrEqual(1);
  });

  it('announces nothing for a shred that is rolled back', async () => {
    let told = 0;
    other.keys.onShred(() => told++);
    await expect(
      dbs[0]!.transaction(async (tx) => {
        await one.keys.shredSubjects(tx, ['no-such-key']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(told).toBe(0);
  });

  it('lets a read that loaded its keys before the announcement open them, and asks the table after', async () => {
    const stream = `report-2024-W31.${randomUUID()}`;
    const { keyId, key } = await one.keys.keyFor(subjectOf(stream));
    const eventId = randomUUID();
    const envelope = sealEventValues(keyId, eventKey(key, eventId), ['Lisa']);
    await other.keys.load([keyId]);
    // The announcement lands between a read's load and its opening (a projection's batch).
    other.keys.forget();
    expect(other.keys.openEvent(keyId, eventId, envelope)).toEqual(['Lisa']);
    await dbs[0]!.query('DELETE FROM gallring_data_keys WHERE key_id = $1', [keyId]);
    // Anything loaded before `forget` is asked for again, so the next read sees the shred.
    await other.keys.load([keyId]);
    expect(other.keys.openEvent(keyId, eventId, envelope)).toBeNull();
  });
});
