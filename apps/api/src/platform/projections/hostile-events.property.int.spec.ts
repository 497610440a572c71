import fc from 'fast-check';
import { ANY, type SqlDatabase, SqlEventStore, openPostgres } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { createTestDatabase, serviceAvailable } from '../../../../../test/support/services.js';
import { ORGANISATION_EVENT_TYPES } from '../../identity/organisation.decider.js';
import { SECURITY_EVENT_TYPES } from '../../identity/security-events.js';
import { USER_EVENT_TYPES } from '../../identity/user.decider.js';
import { PERIOD_STATUS_EVENT_TYPES } from '../../reporting/period-status.js';
import { PLACE_EVENT_TYPES } from '../../reporting/place-register.decider.js';
import { REPORT_EVENT_TYPES } from '../../reporting/report.decider.js';
import { features } from '../../features.js';
import { projectionsOf, upcastersOf } from '../feature.js';
import { ProjectionRunner } from './projection-runner.js';
import { everyEventTemplate } from '../../testing/every-event.js';
import { everyEventWithHostileText } from '../../testing/hostile-events.js';

/**
 * Issue 13: no text an event holds may stop a read model. Every event type of the application,
 * with fast-check's full-Unicode strings (lone surrogates, NUL, noncharacters) in every string
 * field and an extra hostile key in every object, appended straight to the store (past any HTTP
 * validation); then every projection is rebuilt from zero. With `stallAfter: 1` one refused event
 * stalls its projection at once, and the wait throws naming it.
 */
const engines = serviceAvailable('postgres') ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\ud800', '\u0000', '\uffff', '\udc00\ud800', 'a\u0000b', '\ufffe', '', '__proto__'),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

describe.each(engines)('every event type with hostile text, every projection rebuilt (%s)', (engine) => {
  let db: SqlDatabase;
  let store: SqlEventStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const database = await createTestDatabase();
      db = openPostgres(database.url, { max: 4 });
      cleanup = database.drop;
    } else {
      db = await freshPglite();
      cleanup = async () => undefined;
    }
    store = new SqlEventStore(db);
    await store.init();
  });
  afterAll(async () => {
    await store?.close();
    await db?.close();
    await cleanup?.();
  });

  it('covers every event type of the application (its type lists them all at compile time)', () => {
    expect(Object.keys(everyEventTemplate)).toEqual(
      expect.arrayContaining([
        ...ORGANISATION_EVENT_TYPES,
        ...USER_EVENT_TYPES,
        ...SECURITY_EVENT_TYPES,
        ...REPORT_EVENT_TYPES,
        ...PLACE_EVENT_TYPES,
        ...PERIOD_STATUS_EVENT_TYPES,
      ]),
    );
  });

  it('no projection stalls', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 50, maxLength: 200 }), async (texts) => {
        for (const [streamId, events] of everyEventWithHostileText(texts)) {
          await store.append(streamId, events, { expectedVersion: ANY });
        }
        const runner = new ProjectionRunner({
          store,
          db,
          projections: projectionsOf(features),
          upcasters: upcastersOf(features),
          stallAfter: 1,
          retryMs: 10,
        });
        try {
          await runner.start();
          await runner.waitUntilCaughtUp({ timeoutMs: 20_000 });
          for (const name of runner.names) await runner.rebuild(name, { timeoutMs: 20_000 });
          expect(await runner.stalls()).toEqual([]);
          expect(runner.status().filter((status) => status.state !== 'running')).toEqual([]);
        } finally {
          await runner.stop();
        }
      }),
      { numRuns: 4 },
    );
  });
});
