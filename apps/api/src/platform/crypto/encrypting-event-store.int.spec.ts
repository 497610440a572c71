import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  ANY,
  type EventStore,
  KurrentEventStore,
  NO_STREAM,
  type NewEvent,
  type SqlDatabase,
  SqlEventStore,
} from '@laget/event-store';
import { eventStoreContract } from '../../../../../libs/event-store/src/contract/event-store.contract.js';
import { FakeKurrentClient } from '../../../../../libs/event-store/src/kurrent/testing/fake-kurrent-client.js';
import { freshPglite } from '@laget/event-store/testing';
import { everyEventTemplate } from '../../testing/every-event.js';
import { DataKeys, subjectOf } from './data-keys.js';
import { EncryptingEventStore, sealedLayoutOf } from './encrypting-event-store.js';
import { hasPersonalData, visitPersonalData } from './personal-data.js';
import { EVENT_ENVELOPE_PREFIX, SHREDDED, encryptValue, valueKey } from './value-cipher.js';

const metadata = {
  actorId: 'user-1',
  organisationId: 'org-1',
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2024-11-25T08:00:00Z',
};

const narrative = (text: string): NewEvent => ({
  type: 'NarrativeWritten',
  data: { changes: [{ field: 'narrative', before: '', after: text }] },
  metadata,
});

const snapshot = (reportId: string, text: string) => ({
  ...everyEventTemplate.LagesbildCompiled.data.reports[0]!,
  reportId,
  narrative: { kind: 'text', text },
});

describe('EncryptingEventStore', () => {
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

  it('stores personal data sealed, reads it back in plain text, and leaves the metadata readable', async () => {
    await store.append('report-2024-W48.org-1', [narrative('Kalle Anka bråkade')], {
      expectedVersion: NO_STREAM,
    });
    const [raw] = await store.raw.readStream('report-2024-W48.org-1');
    expect(JSON.stringify(raw)).not.toContain('Kalle Anka');
    expect(JSON.stringify(raw!.data)).toContain(JSON.stringify(EVENT_ENVELOPE_PREFIX).slice(1, -1));
    expect(raw!.metadata).toEqual(metadata);
    const [read] = await store.readStream('report-2024-W48.org-1');
    expect(read!.data).toEqual({
      changes: [{ field: 'narrative', before: '', after: 'Kalle Anka bråkade' }],
    });
  });

  it("seals the police's notes per crime category, recorded whole or changed, and leaves the categories readable", async () => {
    const event = everyEventTemplate.PoliceStatisticsRecorded;
    await store.append(
      'report-2024-W48.org-police',
      [{ type: 'PoliceStatisticsRecorded', data: event.data, metadata }],
      {
        expectedVersion: NO_STREAM,
      },
    );
    const raw = JSON.stringify((await store.raw.readStream('report-2024-W48.org-police'))[0]!.data);
    for (const note of ['Handlat på Klarna i annans namn', 'Två fall', 'Huvudsakligen egeninitierat.'])
      expect(raw).not.toContain(note);
    expect(raw).toContain('"category":"bedrageri"');
    const [read] = await store.readStream('report-2024-W48.org-police');
    expect(read!.data).toEqual(event.data);
  });

  it('reads a value its event referred to at two places at both, after the opened-value cache is gone', async () => {
    // IncidentReported's command puts one occurredAt object in the incident and in its change.
    const occurredAt = { raw: 'tisdag kväll hos Kalle', parsed: { kind: 'unknown' } };
    const event: NewEvent = {
      type: 'IncidentReported',
      data: { incident: { occurredAt }, changes: [{ field: 'occurredAt', before: null, after: occurredAt }] },
      metadata,
    };
    await store.append('report-2024-W46.org-1', [event], { expectedVersion: NO_STREAM });
    store.keys.forget();
    const [read] = await store.readStream('report-2024-W46.org-1');
    expect(read!.data).toEqual({
      incident: { occurredAt: { raw: 'tisdag kväll hos Kalle', parsed: { kind: 'unknown' } } },
      changes: [
        {
          field: 'occurredAt',
          before: null,
          after: { raw: 'tisdag kväll hos Kalle', parsed: { kind: 'unknown' } },
        },
      ],
    });
  });

  it('reads a value sealed once and copied to a second place of its event (as written before 2026-12) at both', async () => {
    // Sealed value by value (enc1), under the first place's key, the copy holding the same text.
    const stream = 'report-2024-W45.org-1';
    const { keyId, key } = await store.keys.keyFor(subjectOf(stream));
    const eventId = randomUUID();
    const raw = encryptValue(keyId, valueKey(key, eventId, '/incident/occurredAt/raw'), 'onsdag hos Pelle');
    const parsed = encryptValue(keyId, valueKey(key, eventId, '/incident/occurredAt/parsed/kind'), 'unknown');
    const occurredAt = { raw, parsed: { kind: parsed } };
    await store.raw.append(
      stream,
      [
        {
          type: 'IncidentReported',
          eventId,
          data: {
            incident: { occurredAt },
            changes: [{ field: 'occurredAt', before: null, after: { raw, parsed: { kind: 'unknown' } } }],
          },
          metadata,
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    store.keys.forget();
    const [read] = await store.readStream(stream);
    const incident = { occurredAt: { raw: 'onsdag hos Pelle', parsed: { kind: 'unknown' } } };
    expect(read!.data).toEqual({
      incident,
      changes: [{ field: 'occurredAt', before: null, after: incident.occurredAt }],
    });
  });

  it('reads a shredded subject as "[gallrad]" in every read, the who, when and what kind untouched', async () => {
    await store.append('report-2024-W47.org-1', [narrative('Lisa Svensson, 070-123 45 67')], {
      expectedVersion: NO_STREAM,
    });
    const { rows } = await db.query<{ key_id: string }>(
      `SELECT key_id FROM gallring_data_keys WHERE subject = 'report-2024-W47.org-1'`,
    );
    await store.keys.shredSubjects(
      db,
      rows.map((row) => row.key_id),
    );
    store.keys.forget();
    const [read] = await store.readStream('report-2024-W47.org-1');
    expect(read!.data).toEqual({ changes: [{ field: 'narrative', before: '', after: SHREDDED }] });
    expect(read!.metadata).toEqual(metadata);
    const all = await store.readAll(null, 100);
    expect(JSON.stringify(all.events)).not.toContain('Lisa Svensson');
    // The other report kept its own key.
    expect(JSON.stringify(all.events)).toContain('Kalle Anka');
  });

  it('erases one value of a subject and keeps the rest of it readable', async () => {
    const stream = 'lagesbild-2024-W46';
    await store.append(
      stream,
      [
        {
          type: 'LagesbildCompiled',
          data: {
            ...everyEventTemplate.LagesbildCompiled.data,
            reports: [snapshot('a', 'Om Olle Berg'), snapshot('b', 'Lugnt')],
          },
          metadata,
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    const [event] = await store.readStream(stream);
    const { rows } = await db.query<{ key_id: string }>(
      `SELECT key_id FROM gallring_data_keys WHERE subject = $1`,
      [stream],
    );
    const keyId = rows[0]!.key_id;
    // Sealed whole (enc2): the plan names every value of the event, the erased one as null.
    const [raw] = await store.raw.readStream(stream);
    const { places, wholeKeyId } = sealedLayoutOf(raw!);
    expect(wholeKeyId).toBe(keyId);
    const values: (string | null)[] = [];
    visitPersonalData(event!.type, event!.data, (pointer, value) => {
      const index = places.get(pointer);
      if (typeof index === 'number') values[index] = pointer === '/reports/0/narrative/text' ? null : value;
    });
    const location = (event!.data as { reports: { incidents: { location: string }[] }[] }).reports[0]!
      .incidents[0]!.location;
    await db.transaction((tx) =>
      store.keys.shredValues(tx, keyId, [], [], [{ eventId: event!.eventId, values, erased: true }]),
    );
    store.keys.forget();
    const [after] = (await store.readStream(stream)) as {
      data: {
        background: string;
        reports: { narrative: { text: string }; incidents: { problem: string; location: string }[] }[];
      };
    }[];
    expect(after!.data.reports[0]!.narrative.text).toBe(SHREDDED);
    expect(after!.data.reports[1]!.narrative.text).toBe('Lugnt');
    expect(after!.data.background).toBe('Bakgrund');
    expect(after!.data.reports[0]!.incidents[0]!.problem).toBe('Skadegörelse');
    expect(after!.data.reports[0]!.incidents[0]!.location).toBe(location);
    expect(JSON.stringify(after!.data)).not.toContain('Olle Berg');
    // New events of the subject get a key of their own.
    await store.append(
      stream,
      [{ type: 'SectionEdited', data: { sectionId: 's', text: 'Ny text', by: 'u' }, metadata }],
      {
        expectedVersion: ANY,
      },
    );
    const events = await store.readStream(stream);
    expect((events[1]!.data as { text: string }).text).toBe('Ny text');
  });

  it('round-trips every event type of the application whatever text it holds (lone surrogates and NUL too)', async () => {
    const types = Object.keys(everyEventTemplate) as (keyof typeof everyEventTemplate)[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.string({ unit: 'binary' }), async (type, text) => {
        const withText = replaceStrings(everyEventTemplate[type].data, text);
        const stream = `report-2024-W10.org-${Math.random()}`;
        await store.append(stream, [{ type, data: withText, metadata }], { expectedVersion: NO_STREAM });
        const [read] = await store.readStream(stream);
        expect(read!.data).toEqual(withText);
        let personal = 0;
        visitPersonalData(type, structuredClone(withText), (_pointer, value) => {
          if (value !== '') personal++;
        });
        const [raw] = await store.raw.readStream(stream);
        // Sealed per event: one envelope whenever there is anything to seal, never per value.
        const stored = JSON.stringify(raw!.data);
        expect(stored.split('enc2:').length - 1).toBe(personal > 0 ? 1 : 0);
        expect(stored.includes('enc1:')).toBe(false);
        if (text !== '' && hasPersonalData(type) && type !== 'UserDetailsChanged')
          expect(personal).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

/** Every string but the changes' field names (which say which changes hold text). */
function replaceStrings(value: unknown, text: string, key?: string): unknown {
  if (typeof value === 'string') return key === 'field' ? value : text;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, text));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, replaceStrings(item, text, name)]),
  );
}

// The decorator keeps the port's contract on every adapter it wraps.
describe('EncryptingEventStore over PGlite (the event store contract)', () => {
  eventStoreContract({
    open: async () => {
      const db = await freshPglite();
      const store = new EncryptingEventStore(new SqlEventStore(db), new DataKeys(db, randomBytes(32)));
      await store.init();
      return {
        store: store as EventStore,
        close: async () => {
          await store.close();
          await db.close();
        },
      };
    },
    outOfOrderCommit: { possible: false, reason: 'PGlite runs one transaction at a time' },
  });
});

describe('EncryptingEventStore over the KurrentDB adapter (on its stand-in client)', () => {
  it('stores the same ciphertext shape as on SQL and reads it back', async () => {
    const db = await freshPglite();
    const store = new EncryptingEventStore(
      new KurrentEventStore(new FakeKurrentClient(), {}),
      new DataKeys(db, randomBytes(32)),
    );
    await store.init();
    try {
      await store.append('report-2024-W48.org-2', [narrative('Per Persson')], { expectedVersion: NO_STREAM });
      const [raw] = await store.raw.readStream('report-2024-W48.org-2');
      expect(JSON.stringify(raw!.data)).not.toContain('Per Persson');
      const [read] = await store.readStream('report-2024-W48.org-2');
      expect(JSON.stringify(read!.data)).toContain('Per Persson');
    } finally {
      await store.close();
      await db.close();
    }
  });
});
