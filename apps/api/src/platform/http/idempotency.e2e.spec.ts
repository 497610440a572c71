import { createHash } from 'node:crypto';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import { describeWith } from '../../../../../test/support/services.js';
import { e2eEventStores, startTestApp, type TestApp } from '../../../../../test/support/app.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../../reporting/testing/http-kit.js';
import { FixedClock } from '../commands/clock.js';
import { EVENT_STORE, READ_DB } from '../platform.tokens.js';

/**
 * Idempotency-Key after a crash (docs/adr/0014), in process: a process killed between the
 * append's commit and storing the answer leaves a claim without an answer; one killed before
 * its append commits leaves a claim and no events. Both states are made here directly in the
 * key table, as the kill leaves them; idempotency-crash.e2e.spec.ts kills a real server.
 */
for (const store of e2eEventStores(['pglite', 'postgres'] as const)) {
  describeWith(store === 'pglite' ? [] : ['postgres'], `Idempotency-Key on ${store}`, () => {
    let app: TestApp;
    let db: SqlDatabase;
    let events: EventStore;
    let admin: ApiClient;
    let reporter: ApiClient;
    let reportId: string;
    // Friday of 2024-W48, before its Monday 09:00 deadline.
    const clock = new FixedClock(new Date('2024-11-29T10:00:00+01:00'));

    beforeAll(async () => {
      app = await startTestApp({ store, clock });
      db = app.app.get(READ_DB);
      events = app.app.get(EVENT_STORE);
      admin = await adminClient(app.url);
      const organisationId = await createOrganisation(admin, 'NVK', 'municipal_company');
      reporter = (await createUser(admin, { username: 'nvk.rapportor', organisationId, roles: ['reporter'] }))
        .client;
      const opened = await reporter.post('/api/reports', { period: '2024-W48', organisationId });
      expect(opened.status).toBe(201);
      reportId = opened.body.id;
    }, 120_000);

    afterAll(async () => {
      await app?.close();
    });

    /** What a kill -9 after the append's commit and before the answer leaves behind. */
    const forgetAnswer = (key: string) =>
      db.query('UPDATE idempotency_keys SET status_code = NULL, response = NULL WHERE key = $1', [key]);

    const incidents = async (problem: string) =>
      (await reporter.get(`/api/reports/${reportId}`)).body.incidents.filter(
        (incident: { problem: string }) => incident.problem === problem,
      );

    it('answers a retry whose first attempt was applied but not answered, without applying it again', async () => {
      const body = {
        problem: 'Klotter på Unkan',
        category: 'skadegorelse',
        assessment: { severity: 1, scope: 'A' },
      };
      const headers = { 'idempotency-key': 'incident-crash-1' };
      const first = await reporter.post(`/api/reports/${reportId}/incidents`, body, headers);
      expect(first.status).toBe(201);
      await forgetAnswer('incident-crash-1');

      const retry = await reporter.post(`/api/reports/${reportId}/incidents`, body, headers);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await incidents('Klotter på Unkan')).toHaveLength(1);
      // The rebuilt answer is stored: the next retry is served from the table.
      const again = await reporter.post(`/api/reports/${reportId}/incidents`, body, headers);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });

    it('answers a retry of a command the runner applied, after the answer was lost (organisations)', async () => {
      const headers = { 'idempotency-key': 'organisation-crash-1' };
      const body = { name: 'Fastighetsbolaget', kind: 'municipal_company' };
      const first = await admin.post('/api/organisations', body, headers);
      expect(first.status).toBe(201);
      await forgetAnswer('organisation-crash-1');

      const retry = await admin.post('/api/organisations', body, headers);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      const listed = await admin.get('/api/organisations?perPage=100');
      expect(listed.body.filter((o: { name: string }) => o.name === 'Fastighetsbolaget')).toHaveLength(1);
    });

    it('takes over a claim that a dead process left before its append, and applies it once', async () => {
      const body = {
        problem: 'Trasig belysning',
        category: 'skadegorelse',
        assessment: { severity: 1, scope: 'A' },
      };
      const headers = { 'idempotency-key': 'incident-crash-2' };
      // Claimed by a process that died before appending: the claim row, no events, no answer.
      const me = await reporter.get('/api/auth/me');
      await db.query('INSERT INTO idempotency_keys (scope, key, request_hash) SELECT $1, $2, $3', [
        `${me.body.id} POST /api/reports/${reportId}/incidents`,
        'incident-crash-2',
        createHash('sha256').update(JSON.stringify(body)).digest('hex'),
      ]);
      const retry = await reporter.post(`/api/reports/${reportId}/incidents`, body, headers);
      expect(retry.status).toBe(201);
      expect(await incidents('Trasig belysning')).toHaveLength(1);
    });

    it('lets exactly one of concurrent twins apply the command; neither fails but by 409', async () => {
      const body = {
        problem: 'Nedskräpning',
        category: 'skadegorelse',
        assessment: { severity: 1, scope: 'A' },
      };
      const headers = { 'idempotency-key': 'incident-twins' };
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => reporter.post(`/api/reports/${reportId}/incidents`, body, headers)),
      );
      expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
      for (const answer of answers) expect([201, 409]).toContain(answer.status);
      const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
      expect(ids.size).toBe(1);
      expect(await incidents('Nedskräpning')).toHaveLength(1);
    });

    it('keeps the contract: another body with the same key is 422; a refused command leaves no key', async () => {
      const headers = { 'idempotency-key': 'incident-contract' };
      const body = {
        problem: 'Glaskross',
        category: 'skadegorelse',
        assessment: { severity: 1, scope: 'A' },
      };
      expect((await reporter.post(`/api/reports/${reportId}/incidents`, body, headers)).status).toBe(201);
      const other = await reporter.post(
        `/api/reports/${reportId}/incidents`,
        { ...body, problem: 'Annat' },
        headers,
      );
      expect(other.status).toBe(422);

      // A week that has not started: refused, and the key stays free for a corrected request.
      const refusedHeaders = { 'idempotency-key': 'open-refused' };
      const refused = await reporter.post(
        '/api/reports',
        { period: '2030-W01', organisationId: 'x' },
        refusedHeaders,
      );
      expect(refused.status).toBeGreaterThanOrEqual(400);
      const { rows } = await db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', ['open-refused']);
      expect(rows).toHaveLength(0);
    });

    it('answers a state-changing retry refused by its own first attempt with the first answer (submit)', async () => {
      const current = await reporter.get(`/api/reports/${reportId}`);
      const headers = { 'idempotency-key': 'submit-crash-1', 'if-match': String(current.body.version) };
      const first = await reporter.post(`/api/reports/${reportId}/submit`, {}, headers);
      expect(first.status).toBe(200);
      await forgetAnswer('submit-crash-1');

      // Decided afresh, the If-Match is stale now (409) and a second submit changes nothing.
      const retry = await reporter.post(`/api/reports/${reportId}/submit`, {}, headers);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const submitted = await events.readStream(`report-${reportId}`);
      expect(submitted.filter((e) => e.type === 'ReportSubmitted')).toHaveLength(1);
    });
  });
}
