import { randomBytes } from 'node:crypto';
import { NO_STREAM, type RecordedEvent, SqlEventStore, type EventStore } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { startTestApp, type TestApp } from '../../../../../test/support/app.js';
import { login } from '../../reporting/testing/http-kit.js';
import { DEMO_PASSWORD } from '../../identity/index.js';
import { EVENT_STORE } from '../platform.tokens.js';
import { DataKeys } from './data-keys.js';
import { EncryptingEventStore } from './encrypting-event-store.js';
import { encryptExistingEvents, PERSONAL_DATA_REVISION, REWRITE_MARKER_DDL } from './encrypt-existing.js';
import { everyEventTemplate } from '../../testing/every-event.js';
import { visitPersonalData } from './personal-data.js';

/** Every event of a store, in global order. */
async function everyEvent(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let from = null;
  for (;;) {
    const page = await store.readAll(from, 500);
    if (page.events.length === 0) return events;
    events.push(...page.events);
    from = page.checkpoint;
  }
}

describe('the rewrite step on a copy of the demo data written before encryption', () => {
  let app: TestApp;
  let demo: RecordedEvent[];

  beforeAll(async () => {
    app = await startTestApp({ store: 'pglite', env: { LAGET_DEMO: '1' } });
    const coordinator = await login(app.url, 'samordnare', DEMO_PASSWORD);
    // The demo files its week beside the start: wait until all six reports are there.
    let compliance: { reportId: string | null }[] = [];
    while (compliance.length < 6 || compliance.some((entry) => entry.reportId === null)) {
      compliance = (await coordinator.get('/api/periods/2024-W48')).body.compliance;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    demo = await everyEvent(app.app.get<EventStore>(EVENT_STORE));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('seals every personal value in place, reads back exactly what was written, and runs once', async () => {
    // The copy: the demo's events in plain text, as a store from before this layer held them.
    const db = await freshPglite();
    const plain = new SqlEventStore(db);
    await plain.init();
    for (const event of demo) {
      await plain.append(
        event.streamId,
        [{ eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata }],
        { expectedVersion: event.streamVersion - 1 },
      );
    }
    const secrets = new Set<string>();
    for (const event of demo)
      visitPersonalData(event.type, event.data, (_pointer, value) => {
        if (value.trim().length >= 6) secrets.add(value);
      });
    expect(secrets.size).toBeGreaterThan(10);
    expect(secrets).toContain('Skadegörelse på handfat på Frida Hansdotter Arena');

    const store = new EncryptingEventStore(plain, new DataKeys(db, randomBytes(32)));
    await store.init();
    const rewritten = await encryptExistingEvents(store, db, { batchSize: 7 });
    expect(rewritten).toBeGreaterThan(10);

    const raw = JSON.stringify((await everyEvent(plain)).map((event) => event.data));
    for (const secret of secrets) expect(raw).not.toContain(JSON.stringify(secret).slice(1, -1));
    // Sealed the new way, once per event (docs/adr/0032).
    expect(raw).toContain('enc2:');
    expect(raw).not.toContain('enc1:');
    const read = await everyEvent(store);
    expect(read.map((event) => [event.eventId, event.type, event.data, event.metadata])).toEqual(
      demo.map((event) => [event.eventId, event.type, event.data, event.metadata]),
    );
    expect(await encryptExistingEvents(store, db)).toBe(0);
    await db.close();
  }, 120_000);

  it('runs again when places are added to the list, sealing what an earlier revision left plain', async () => {
    const db = await freshPglite();
    const plain = new SqlEventStore(db);
    await plain.init();
    // Rewritten under the previous list, which did not name the police's notes per category.
    await db.query(REWRITE_MARKER_DDL);
    await db.query(`INSERT INTO gallring_rewrites (revision, rewritten) VALUES ($1, 0)`, [
      PERSONAL_DATA_REVISION - 1,
    ]);
    const { data } = everyEventTemplate.PoliceStatisticsRecorded;
    await plain.append(
      'report-2024-W48.org-police',
      [{ type: 'PoliceStatisticsRecorded', data, metadata: demo[0]!.metadata }],
      { expectedVersion: NO_STREAM },
    );
    const store = new EncryptingEventStore(plain, new DataKeys(db, randomBytes(32)));
    await store.init();
    expect(await encryptExistingEvents(store, db)).toBe(1);
    const raw = JSON.stringify((await everyEvent(plain)).map((event) => event.data));
    expect(raw).not.toContain('Klarna');
    expect((await everyEvent(store))[0]!.data).toEqual(data);
    expect(await encryptExistingEvents(store, db)).toBe(0);
    await db.close();
  }, 60_000);

  it('opens and seals whole again an event sealed per event (enc2) in which a longer list finds plain text', async () => {
    const db = await freshPglite();
    const sql = new SqlEventStore(db);
    await sql.init();
    const store = new EncryptingEventStore(sql, new DataKeys(db, randomBytes(32)));
    await store.init();
    const { data } = everyEventTemplate.PoliceStatisticsRecorded;
    await store.append(
      'report-2024-W48.org-police',
      [{ type: 'PoliceStatisticsRecorded', data, metadata: demo[0]!.metadata }],
      { expectedVersion: NO_STREAM },
    );
    // As a place named only by a later revision holds it: one sealed value put back in plain text.
    const [sealed] = await everyEvent(sql);
    const changed = structuredClone(sealed!.data);
    setCategoryNote(changed, 'Ny anteckning om Kalle');
    await db.query(`UPDATE event_store.events SET data = $1::json WHERE event_id = $2`, [
      JSON.stringify(changed),
      sealed!.eventId,
    ]);
    await db.query(REWRITE_MARKER_DDL);
    await db.query(`DELETE FROM gallring_rewrites`);
    expect(await encryptExistingEvents(store, db)).toBe(1);
    const raw = JSON.stringify((await everyEvent(sql))[0]!.data);
    expect(raw).not.toContain('Kalle');
    expect(raw.split('enc2:').length - 1).toBe(1);
    store.keys.forget();
    const expected = structuredClone(data);
    setCategoryNote(expected, 'Ny anteckning om Kalle');
    expect((await everyEvent(store))[0]!.data).toEqual(expected);
    await db.close();
  }, 60_000);
});

/** The note of the first category row after the template's second change (`statistics.categories`). */
function setCategoryNote(data: unknown, note: string): void {
  (data as { changes: { after: { note: string }[] }[] }).changes[1]!.after[0]!.note = note;
}
