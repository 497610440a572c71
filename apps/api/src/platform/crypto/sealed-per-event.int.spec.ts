import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ANY, NO_STREAM, type NewEvent, type SqlDatabase, SqlEventStore } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { DataKeys, subjectOf } from './data-keys.js';
import { EncryptingEventStore, sealedLayoutOf } from './encrypting-event-store.js';
import { encryptExistingEvents } from './encrypt-existing.js';
import {
  ENCRYPTED_PREFIX,
  EVENT_ENVELOPE_PREFIX,
  EVENT_REFERENCE_PREFIX,
  SHREDDED,
  encryptValue,
  valueKey,
} from './value-cipher.js';

/*
 * Events sealed whole (enc2, docs/adr/0032) beside events sealed value by value (enc1, the
 * format stores written before hold): both read back, a copy of a text is sealed once, and an
 * erasure of one value of an enc2 event keeps the rest of it and of its subject.
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

const incident = (problem: string, location: string, comment: string): NewEvent => {
  const occurredAt = { raw: 'tisdag kväll', parsed: { kind: 'unknown' } };
  const fields = { problem, location, frequency: '', comment, occurredAt, tags: [] };
  return {
    type: 'IncidentReported',
    data: {
      incidentId: randomUUID(),
      incident: fields,
      changes: (['problem', 'location', 'frequency', 'comment', 'occurredAt'] as const).map((field) => ({
        field,
        before: null,
        after: fields[field],
      })),
    },
    metadata,
  };
};

type Changes = { changes: { after: unknown; before: unknown }[] };

describe('events sealed whole (enc2)', () => {
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

  const keyIdOfSubject = async (stream: string) =>
    (
      await db.query<{ key_id: string }>(
        `SELECT key_id FROM gallring_data_keys WHERE subject = $1 ORDER BY created_at LIMIT 1`,
        [stream],
      )
    ).rows[0]!.key_id;

  it('stores one envelope per event, a copy of a text once, and reads every place back', async () => {
    const stream = 'report-2024-W40.org-1';
    const event = incident('Klotter på skolan', 'Skolgården', 'Kalle Anka sågs');
    await store.append(stream, [event], { expectedVersion: NO_STREAM });
    const [raw] = await store.raw.readStream(stream);
    const stored = JSON.stringify(raw!.data);
    expect(stored).not.toMatch(/Klotter|Skolgården|Kalle Anka|tisdag/);
    expect(stored.split(JSON.stringify(EVENT_ENVELOPE_PREFIX).slice(1, -1)).length - 1).toBe(1);
    expect(stored).not.toContain(JSON.stringify(ENCRYPTED_PREFIX).slice(1, -1));
    // The incident's fields and its changes' afters are the same texts: references, not seals.
    const data = raw!.data as { incident: { problem: string }; changes: { after: unknown }[] };
    expect(data.incident.problem.startsWith(EVENT_ENVELOPE_PREFIX)).toBe(true);
    expect(data.changes[0]!.after).toBe(`${EVENT_REFERENCE_PREFIX}0`);
    // An empty text holds nothing to protect: left as it is.
    expect((raw!.data as { incident: { frequency: string } }).incident.frequency).toBe('');
    for (const cached of [true, false]) {
      if (!cached) store.keys.forget();
      const [read] = await store.readStream(stream);
      expect(read!.data).toEqual(JSON.parse(JSON.stringify(event.data)));
    }
  });

  it('seals a copy: the caller’s data stays as it was, and keys named like prototypes stay keys', async () => {
    const stream = 'report-2024-W39.org-1';
    // JSON.parse makes `__proto__` an own key, as an event read back from any adapter has it.
    const data = JSON.parse(
      '{"incidentId":"i-1","incident":{"problem":"Olle Berg","__proto__":{"x":"y"},"constructor":"c",' +
        '"tags":["__proto__","Lisa"]},"changes":[{"field":"tags","before":null,"after":["Lisa"]}]}',
    ) as Record<string, unknown>;
    const before = JSON.stringify(data);
    await store.append(stream, [{ type: 'IncidentReported', data, metadata }], {
      expectedVersion: NO_STREAM,
    });
    expect(JSON.stringify(data)).toBe(before);
    const [raw] = await store.raw.readStream(stream);
    expect(JSON.stringify(raw!.data)).not.toMatch(/Olle|Lisa|"__proto__","/);
    expect(Object.keys((raw!.data as { incident: object }).incident)).toEqual([
      'problem',
      '__proto__',
      'constructor',
      'tags',
    ]);
    for (const cached of [true, false]) {
      if (!cached) store.keys.forget();
      const [read] = await store.readStream(stream);
      expect(JSON.stringify(read!.data)).toBe(before);
    }
  });

  it('reads enc1 and enc2 events of one stream back, before and after the caches are gone', async () => {
    const stream = 'report-2024-W41.org-1';
    // Written as the layer wrote it before per-event sealing: each value under its own derived key.
    const { keyId, key } = await store.keys.keyFor(subjectOf(stream));
    const oldId = randomUUID();
    const seal = (pointer: string, text: string) => encryptValue(keyId, valueKey(key, oldId, pointer), text);
    await store.raw.append(
      stream,
      [
        {
          ...narrative('', 'Gammal text om Olle'),
          eventId: oldId,
          data: {
            changes: [
              { field: 'narrative', before: '', after: seal('/changes/0/after', 'Gammal text om Olle') },
            ],
          },
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    await store.append(stream, [narrative('Gammal text om Olle', 'Ny text om Lisa')], {
      expectedVersion: ANY,
    });
    for (const cached of [true, false]) {
      if (!cached) store.keys.forget();
      const events = (await store.readStream(stream)) as unknown as { data: Changes }[];
      expect(events.map((event) => event.data.changes[0])).toEqual([
        { field: 'narrative', before: '', after: 'Gammal text om Olle' },
        { field: 'narrative', before: 'Gammal text om Olle', after: 'Ny text om Lisa' },
      ]);
    }
    const raw = await store.raw.readStream(stream);
    expect(JSON.stringify(raw[0]!.data)).toContain('enc1:');
    expect(JSON.stringify(raw[1]!.data)).toContain('enc2:');
  });

  it('rewrites plain events sealed whole and leaves enc1 events exactly as they are', async () => {
    const db2 = await freshPglite();
    const plain = new SqlEventStore(db2);
    const sealing = new EncryptingEventStore(plain, new DataKeys(db2, randomBytes(32)));
    await sealing.init();
    try {
      const stream = 'report-2024-W38.org-1';
      const { keyId, key } = await sealing.keys.keyFor(subjectOf(stream));
      const oldId = randomUUID();
      const old = {
        changes: [
          {
            field: 'narrative',
            before: '',
            after: encryptValue(keyId, valueKey(key, oldId, '/changes/0/after'), 'Förr'),
          },
        ],
      };
      await plain.append(stream, [{ ...narrative('', ''), eventId: oldId, data: old }], {
        expectedVersion: NO_STREAM,
      });
      await plain.append(stream, [narrative('Förr', 'Nu om Lisa')], { expectedVersion: ANY });
      expect(await encryptExistingEvents(sealing, db2)).toBe(1);
      const [first, second] = await plain.readStream(stream);
      expect(first!.data).toEqual(old);
      const stored = JSON.stringify(second!.data);
      expect(stored).toContain('enc2:');
      expect(stored).not.toContain('Lisa');
      sealing.keys.forget();
      const read = (await sealing.readStream(stream)) as unknown as { data: Changes }[];
      expect(read.map((event) => event.data.changes[0]!.after)).toEqual(['Förr', 'Nu om Lisa']);
    } finally {
      await sealing.close();
      await db2.close();
    }
  });

  it('round-trips lone surrogates, NUL, U+FFFF and texts that look like JSON', async () => {
    const texts = ['\ud800', 'a\u0000b', '\uffff', '\udfff\ud800', '["x"]', '"', '\\', 'åäö ÅÄÖ'];
    const stream = 'report-2024-W42.org-1';
    await store.append(
      stream,
      texts.map((text, i) => narrative(texts[(i + 1) % texts.length]!, text)),
      { expectedVersion: NO_STREAM },
    );
    store.keys.forget();
    const events = (await store.readStream(stream)) as unknown as { data: Changes }[];
    expect(events.map((event) => event.data.changes[0]!.after)).toEqual(texts);
    expect(events.map((event) => event.data.changes[0]!.before)).toEqual(
      texts.map((_, i) => texts[(i + 1) % texts.length]),
    );
  });

  it('reads a reference without its envelope, or an envelope moved to another event, as "[gallrad]"', async () => {
    const stream = 'report-2024-W43.org-1';
    const [sealed] = await store.encrypt(stream, [narrative('Före', 'Efter')]);
    const data = sealed!.data as Changes;
    await store.raw.append(
      stream,
      [
        { ...sealed!, eventId: randomUUID() }, // the envelope under another event's id
        {
          ...narrative('', ''),
          data: { changes: [{ field: 'narrative', before: '', after: data.changes[0]!.after }] },
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    store.keys.forget();
    const events = (await store.readStream(stream)) as unknown as { data: Changes }[];
    expect(events[0]!.data.changes[0]).toMatchObject({ before: SHREDDED, after: SHREDDED });
    expect(events[1]!.data.changes[0]!.after).toBe(SHREDDED);

    // A second, different envelope in one event reads "[gallrad]", and an erasure plan does not
    // take it for the event's value 0 either.
    const [a, b] = await store.encrypt(stream, [narrative('Ett', 'Två'), narrative('Tre', 'Fyra')]);
    const mixed = {
      type: 'NarrativeWritten',
      data: {
        changes: [
          {
            field: 'narrative',
            before: (a!.data as Changes).changes[0]!.before,
            after: `${EVENT_REFERENCE_PREFIX}1`,
          },
          { field: 'narrative', before: (b!.data as Changes).changes[0]!.before, after: '' },
        ],
      },
    };
    expect([...sealedLayoutOf(mixed).places.keys()]).toEqual(['/changes/0/before', '/changes/0/after']);
    const [base] = await store.raw.readStream(stream);
    const read = await store.decrypt([{ ...base!, eventId: a!.eventId!, data: mixed.data }]);
    expect((read[0]!.data as Changes).changes.map((change) => [change.before, change.after])).toEqual([
      ['Ett', 'Två'],
      [SHREDDED, ''],
    ]);
  });

  it('erases one value of an enc2 event and keeps its other values, the subject’s other events and enc1 values', async () => {
    const stream = 'report-2024-W44.org-1';
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
                before: '',
                after: encryptValue(keyId, valueKey(key, oldId, '/changes/0/after'), 'Äldre om Olle'),
              },
            ],
          },
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    await store.append(
      stream,
      [incident('Bråk', 'Torget', 'Olle Berg hotade'), narrative('Äldre om Olle', 'Lugn vecka')],
      { expectedVersion: ANY },
    );
    const [old, hit, other] = await store.readStream(stream);
    expect(await keyIdOfSubject(stream)).toBe(keyId);
    expect(JSON.stringify(hit!.data)).toContain('Olle Berg hotade');

    // The first erasure: the comment of the incident (an enc2 value at two places).
    await db.transaction((tx) =>
      store.keys.shredValues(
        tx,
        keyId,
        [{ eventId: old!.eventId, pointer: '/changes/0/after' }],
        [],
        [
          // The incident's values in sealing order (occurredAt's parsed kind is below a pattern too).
          {
            eventId: hit!.eventId,
            values: ['Bråk', 'Torget', null, 'tisdag kväll', 'unknown'],
            erased: true,
          },
          { eventId: other!.eventId, values: ['Äldre om Olle', 'Lugn vecka'], erased: false },
        ],
      ),
    );
    store.keys.forget();
    let [oldAfter, hitAfter, otherAfter] = await store.readStream(stream);
    const incidentOf = (event: typeof hit) =>
      (event!.data as { incident: Record<string, unknown> }).incident as {
        problem: string;
        location: string;
        comment: string;
        occurredAt: { raw: string };
      };
    expect(incidentOf(hitAfter)).toMatchObject({
      problem: 'Bråk',
      location: 'Torget',
      comment: SHREDDED,
      occurredAt: { raw: 'tisdag kväll' },
    });
    const afters = (event: typeof hit) => (event!.data as Changes).changes.map((change) => change.after);
    expect(afters(hitAfter)).toEqual([
      'Bråk',
      'Torget',
      '',
      SHREDDED,
      { raw: 'tisdag kväll', parsed: { kind: 'unknown' } },
    ]);
    expect((otherAfter!.data as Changes).changes[0]).toMatchObject({
      before: 'Äldre om Olle',
      after: 'Lugn vecka',
    });
    expect(afters(oldAfter)).toEqual(['Äldre om Olle']);
    // The subject's key is gone; a new append gets a fresh one and reads back.
    expect((await db.query(`SELECT 1 FROM gallring_data_keys WHERE key_id = $1`, [keyId])).rows).toHaveLength(
      0,
    );
    await store.append(stream, [narrative('Lugn vecka', 'Ny vecka')], { expectedVersion: ANY });

    // A second erasure under the split key: the other event's first value, and the kept location.
    await db.transaction((tx) =>
      store.keys.shredValues(
        tx,
        keyId,
        [],
        [{ eventId: old!.eventId, pointer: '/changes/0/after' }],
        [
          { eventId: hit!.eventId, values: ['Bråk', null, null, 'tisdag kväll', 'unknown'], erased: true },
          { eventId: other!.eventId, values: [null, 'Lugn vecka'], erased: true },
        ],
      ),
    );
    store.keys.forget();
    [oldAfter, hitAfter, otherAfter] = await store.readStream(stream);
    expect(incidentOf(hitAfter)).toMatchObject({ problem: 'Bråk', location: SHREDDED, comment: SHREDDED });
    expect((otherAfter!.data as Changes).changes[0]).toMatchObject({ before: SHREDDED, after: 'Lugn vecka' });
    expect(afters(oldAfter)).toEqual([SHREDDED]);
    const events = await store.readStream(stream);
    expect((events[3]!.data as Changes).changes[0]!.after).toBe('Ny vecka');

    // Retention takes the whole subject: every row an erasure left goes too.
    await store.keys.shredSubjects(db, [keyId]);
    for (const table of ['gallring_value_keys', 'gallring_event_keys', 'gallring_kept_values'])
      expect((await db.query(`SELECT 1 FROM ${table} WHERE key_id = $1`, [keyId])).rows).toHaveLength(0);
    store.keys.forget();
    [, hitAfter, otherAfter] = await store.readStream(stream);
    expect(incidentOf(hitAfter).problem).toBe(SHREDDED);
    expect((otherAfter!.data as Changes).changes[0]!.after).toBe(SHREDDED);
  });

  it('erases inside a PGlite transaction when the key in memory is stale (after a shred anywhere)', async () => {
    const stream = 'report-2024-W45.org-stale';
    await store.append(stream, [narrative('Om Olle', 'Lugn vecka'), narrative('Lugn vecka', 'Om Stina')], {
      expectedVersion: NO_STREAM,
    });
    const [first, second] = await store.readStream(stream);
    const keyId = await keyIdOfSubject(stream);
    const eraseOne = (eventId: string, values: (string | null)[]) =>
      db.transaction((tx) => store.keys.shredValues(tx, keyId, [], [], [{ eventId, values, erased: true }]));

    // An announced shred makes every key loaded before it stale: the shred must read its key in
    // its own transaction (PGlite has one connection; a query beside the transaction never ends).
    store.keys.forget();
    await eraseOne(first!.eventId, [null, 'Lugn vecka']);
    // The key is split now; stale again, it is read (with the split's rows) in the transaction too.
    store.keys.forget();
    await eraseOne(second!.eventId, ['Lugn vecka', null]);

    store.keys.forget();
    const [firstAfter, secondAfter] = await store.readStream(stream);
    expect((firstAfter!.data as Changes).changes[0]).toMatchObject({ before: SHREDDED, after: 'Lugn vecka' });
    expect((secondAfter!.data as Changes).changes[0]).toMatchObject({
      before: 'Lugn vecka',
      after: SHREDDED,
    });
  });

  it('keeps every event of a subject readable but the erased values (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 })),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
        async (pairs, erasedText) => {
          const stream = `report-2024-W39.org-${randomUUID()}`;
          await store.append(
            stream,
            pairs.map(([before, after]) => narrative(before, after)),
            { expectedVersion: NO_STREAM },
          );
          const keyId = await keyIdOfSubject(stream);
          const written = await store.readStream(stream);
          // Each event's values in sealing order: distinct non-empty texts, before then after.
          const plan = written.map((event, i) => {
            const values = [...new Set(pairs[i]!.filter((text) => text !== ''))];
            return {
              eventId: event.eventId,
              values: values.map((text) => (text === erasedText ? null : text)),
              erased: values.includes(erasedText),
            };
          });
          await db.transaction((tx) => store.keys.shredValues(tx, keyId, [], [], plan));
          store.keys.forget();
          const read = (await store.readStream(stream)) as unknown as { data: Changes }[];
          const expected = (text: string) => (text === erasedText ? SHREDDED : text);
          expect(read.map((event) => event.data.changes[0])).toEqual(
            pairs.map(([before, after]) => ({
              field: 'narrative',
              before: expected(before),
              after: expected(after),
            })),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
