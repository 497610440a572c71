import { randomBytes } from 'node:crypto';
import { ANY, type EventMetadata, type NewEvent, type SqlDatabase, SqlEventStore } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { DataKeys } from './data-keys.js';
import { EncryptingEventStore } from './encrypting-event-store.js';
import { encryptExistingEvents } from './encrypt-existing.js';
import { IP_PREFIX, ipKeyIdOf } from './ip-cipher.js';
import { SHREDDED } from './value-cipher.js';

/*
 * Every event's client address is sealed under its month's key (docs/adr/0034): stored sealed
 * whatever the event's type, read back opened, one address in a month sealed to one string, and
 * gone ("[gallrad]") once the month's key is shredded, while the event's data stays readable.
 */
const metadataAt = (occurredAt: string, ip: string): EventMetadata => ({
  actorId: 'user-1',
  organisationId: 'org-1',
  correlationId: 'c-1',
  causationId: null,
  occurredAt,
  ip,
});

const narrative = (text: string, metadata: EventMetadata): NewEvent => ({
  type: 'NarrativeWritten',
  data: { changes: [{ field: 'narrative', before: null, after: text }] },
  metadata,
});

/** A type no personal-data pattern names: only its address is sealed. */
const plainEvent = (metadata: EventMetadata): NewEvent => ({
  type: 'TestNothingPersonal',
  data: { count: 1 },
  metadata,
});

type Changes = { changes: { after: string }[] };

describe('client addresses sealed under their month’s key', () => {
  let db: SqlDatabase;
  let store: EncryptingEventStore;
  beforeAll(async () => {
    db = await freshPglite();
    store = new EncryptingEventStore(new SqlEventStore(db), new DataKeys(db, randomBytes(32)));
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  const ipKeys = async () =>
    (
      await db.query<{ key_id: string; subject: string; kind: string; week: string }>(
        `SELECT key_id, subject, kind, week FROM gallring_data_keys WHERE kind = 'ip' ORDER BY subject`,
      )
    ).rows;

  it('stores no address, reads it back, one string per address and month, a key per month', async () => {
    const stream = 'report-2025-W10.org-1';
    const march = metadataAt('2025-03-05T08:00:00Z', '203.0.113.7');
    const caller = [
      narrative('Kalle Anka sågs', march),
      plainEvent(metadataAt('2025-03-20T23:59:00+00:00', '203.0.113.7')),
      plainEvent(metadataAt('2025-04-01T00:00:00Z', '203.0.113.7')),
    ];
    await store.append(stream, caller, { expectedVersion: ANY });
    // The caller's objects are not the stored ones.
    expect(march.ip).toBe('203.0.113.7');

    const raw = await store.raw.readStream(stream);
    expect(JSON.stringify(raw)).not.toContain('203.0.113.7');
    const [first, second, april] = raw.map((event) => event.metadata.ip!);
    expect(first!.startsWith(IP_PREFIX)).toBe(true);
    // An event type without personal data has its address sealed too, the same string in one month.
    expect(second).toBe(first);
    expect(april).not.toBe(first);
    expect(ipKeyIdOf(april!)).not.toBe(ipKeyIdOf(first!));
    expect(await ipKeys()).toEqual([
      { key_id: ipKeyIdOf(first!), subject: 'ip-2025-03', kind: 'ip', week: '2025-03' },
      { key_id: ipKeyIdOf(april!), subject: 'ip-2025-04', kind: 'ip', week: '2025-04' },
    ]);

    // What was just appended opens from the cache, with nothing to wait for (the projection
    // workers' fast path): the address of an event without personal data too.
    const copies = structuredClone(raw);
    expect(store.openInPlace(copies)).toBeNull();
    expect(copies.map((event) => event.metadata.ip)).toEqual(Array(3).fill('203.0.113.7'));
    // Read back opened, from the cache and (after forgetting) from the key.
    for (let round = 0; round < 2; round++) {
      const read = await store.readStream(stream);
      expect(read.map((event) => event.metadata.ip)).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7']);
      expect((read[0]!.data as Changes).changes[0]!.after).toBe('Kalle Anka sågs');
      store.keys.forget();
    }
    const all = await store.readAll(null, 100);
    expect(all.events.every((event) => event.metadata.ip === '203.0.113.7')).toBe(true);
  });

  it('reads "[gallrad]" for the addresses of a shredded month, and the data as before', async () => {
    const stream = 'report-2025-W20.org-1';
    await store.append(
      stream,
      [
        narrative('Ture Sventon ringde', metadataAt('2025-05-12T10:00:00Z', '198.51.100.1')),
        plainEvent(metadataAt('2025-06-02T10:00:00Z', '198.51.100.1')),
      ],
      { expectedVersion: ANY },
    );
    const may = (await ipKeys()).find((key) => key.subject === 'ip-2025-05')!;
    await db.transaction((tx) => store.keys.shredSubjects(tx, [may.key_id]));
    store.keys.forget();
    const read = await store.readStream(stream);
    expect(read.map((event) => event.metadata.ip)).toEqual([SHREDDED, '198.51.100.1']);
    expect((read[0]!.data as Changes).changes[0]!.after).toBe('Ture Sventon ringde');
    // Other months are untouched.
    expect((await store.readStream('report-2025-W10.org-1'))[0]!.metadata.ip).toBe('203.0.113.7');
  });

  it('seals hostile addresses without a crash or a leak, each back exactly', async () => {
    const stream = 'report-2025-W30.org-1';
    const hostile = ['', 'x'.repeat(100_000), 'a\u0000b', '\ud800', '\udc00', '\u0002ip1:not-a-key'];
    await store.append(
      stream,
      hostile.map((ip) => plainEvent(metadataAt('2025-07-01T00:00:00Z', ip))),
      { expectedVersion: ANY },
    );
    const raw = (await store.raw.readStream(stream)).map((event) => event.metadata.ip);
    // An empty address says nothing and is left as it is.
    expect(raw[0]).toBe('');
    for (const sealed of raw.slice(1, 5)) expect(sealed!.startsWith(IP_PREFIX)).toBe(true);
    expect(JSON.stringify(raw)).not.toContain('xxxx');
    expect(JSON.stringify(raw)).not.toMatch(/\\u0000|\\ud800|\\udc00/);
    // Two lone surrogates are two addresses: one nonce for both would give GCM's key away.
    expect(raw[3]).not.toBe(raw[4]);
    store.keys.forget();
    const read = (await store.readStream(stream)).map((event) => event.metadata.ip);
    expect(read.slice(0, 5)).toEqual(hostile.slice(0, 5));
    // A string that only looks sealed (no address comes with one: HTTP refuses control
    // characters) is not opened: it reads "[gallrad]", never as an address.
    expect(read[5]).toBe(SHREDDED);
  });

  it('seals the plain addresses of events written before, in the rewrite step, each under its month', async () => {
    const stream = 'report-2024-W48.org-1';
    await store.raw.append(
      stream,
      [
        narrative('Skrivet före', metadataAt('2024-11-25T08:00:00Z', '192.0.2.44')),
        plainEvent(metadataAt('2024-12-01T08:00:00Z', '192.0.2.44')),
      ],
      { expectedVersion: ANY },
    );
    expect(JSON.stringify(await store.raw.readStream(stream))).toContain('192.0.2.44');
    expect(await encryptExistingEvents(store, db)).toBeGreaterThanOrEqual(2);
    const raw = await store.raw.readStream(stream);
    expect(JSON.stringify(raw)).not.toContain('192.0.2.44');
    expect(JSON.stringify(raw)).not.toContain('Skrivet före');
    const subjectOfKey = new Map((await ipKeys()).map((key) => [key.key_id, key.subject]));
    expect(raw.map((event) => subjectOfKey.get(ipKeyIdOf(event.metadata.ip!)!))).toEqual([
      'ip-2024-11',
      'ip-2024-12',
    ]);
    store.keys.forget();
    const read = await store.readStream(stream);
    expect(read.map((event) => event.metadata.ip)).toEqual(['192.0.2.44', '192.0.2.44']);
    expect((read[0]!.data as Changes).changes[0]!.after).toBe('Skrivet före');
    // The events sealed already are left as they were.
    expect((await store.readStream('report-2025-W10.org-1'))[0]!.metadata.ip).toBe('203.0.113.7');
  });
});
