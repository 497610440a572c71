import { randomUUID } from 'node:crypto';
import { ANY, type EventStore } from '@laget/event-store';
import { type TestApp, startTestApp } from '../../../../../test/support/app.js';
import { describeWith, serviceAvailable } from '../../../../../test/support/services.js';
import { adminClient } from '../../identity/test/people.js';
import type { Client } from '../../identity/test/http-client.js';
import { EVENT_STORE } from '../platform.tokens.js';

/**
 * Issue 13: one lone surrogate in one event made the audit log fail on it every 30 s, for good,
 * and `GET /api/audit` answer 500 after 10 s. Events already in the log (and events from paths
 * that skip the HTTP validation) are appended straight to the store here.
 */
const stores = serviceAvailable('postgres') ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describeWith([], 'projections and hostile or broken events', () => {
  describe.each(stores)('on %s', (store) => {
    let app: TestApp;
    let admin: Client;
    let events: EventStore;

    beforeAll(async () => {
      app = await startTestApp({ store });
      admin = await adminClient(app.url);
      events = app.app.get(EVENT_STORE);
    });
    afterAll(async () => {
      await app?.close();
    });

    const metadata = (occurredAt = new Date().toISOString()) => ({
      actorId: 'system',
      organisationId: null,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt,
    });

    it('stores a lone surrogate and NUL in the audit log as U+FFFD and keeps answering', async () => {
      // A stream kind the admin may read the contents of (report contents are the coordinator's).
      const streamId = `note-${randomUUID()}`;
      await events.append(
        streamId,
        [
          {
            type: 'NarrativeWritten',
            data: { narrative: 'a\ud800b\u0000c\udfff', '\ud800key': 1 },
            metadata: metadata(),
          },
        ],
        { expectedVersion: ANY },
      );
      const started = Date.now();
      const audit = await admin.get(`/api/audit?stream=${streamId}`);
      expect(audit.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(audit.body).toEqual([
        expect.objectContaining({ data: { narrative: 'a\ufffdb\ufffdc\ufffd', '\ufffdkey': 1 } }),
      ]);
      expect((await admin.get('/health/ready')).status).toBe(200);
    });

    it('stops at an event it cannot apply and says so: /health/ready and the waiting endpoint answer 503 at once', async () => {
      // An event written by an old import script with a time PostgreSQL cannot read: no
      // sanitising makes it fit audit_log.occurred_at, so the audit log cannot apply it.
      const streamId = `import-${randomUUID()}`;
      const appended = await events.append(
        streamId,
        [{ type: 'LegacyImportNoted', data: { note: 'x' }, metadata: metadata('the day before yesterday') }],
        { expectedVersion: ANY },
      );
      const position = appended.lastGlobalPosition;

      let ready = await admin.get('/health/ready');
      for (let waited = 0; ready.status === 200 && waited < 20_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        ready = await admin.get('/health/ready');
      }
      expect(ready.status).toBe(503);
      expect(ready.body.message).toContain(`audit-log har stannat vid händelse ${position}`);
      expect(ready.body.details.error.projections).toEqual(
        expect.objectContaining({
          status: 'down',
          stalled: [
            expect.objectContaining({
              projection: 'audit-log',
              position,
              eventType: 'LegacyImportNoted',
              reason: 'invalid input syntax for type timestamp with time zone: "…"',
            }),
          ],
        }),
      );
      // The other read models are unaffected.
      expect(ready.body.details.error.projections.states).toEqual(
        expect.objectContaining({ 'audit-log': 'stalled', identity: 'running' }),
      );

      const started = Date.now();
      const audit = await admin.get('/api/audit');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(audit.status).toBe(503);
      expect(audit.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringContaining('Läsmodellen audit-log har stannat vid händelse'),
        details: { stalledProjections: [expect.objectContaining({ projection: 'audit-log', position })] },
      });
      expect(audit.body.message).toContain(`The read model audit-log is stalled at event ${position}`);
      expect(JSON.stringify([ready.body, audit.body])).not.toContain('the day before yesterday');
      // Endpoints that do not need the stalled read model keep working.
      expect((await admin.get('/api/users')).status).toBe(200);
    });
  });
});
