import fc from 'fast-check';
import type { EventStore } from '@laget/event-store';
import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import { EVENT_STORE } from '../platform/platform.tokens.js';
import { ApiClient, adminClient, createOrganisation, createUser } from './testing/http-kit.js';
import { compileWeek } from './testing/reporting-test-kit.js';

const incident = {
  problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
  location: 'Inne på toaletten',
  occurredAt: '250107',
  frequency: '',
  category: 'skadegorelse',
  assessment: { severity: 2, scope: 'EA' },
  comment: 'Söndersparkat vattenlås.',
};

describeOnStores(['postgres'], 'reports over HTTP', (store) => {
  let app: TestApp;
  // Friday of 2024-W48, before its Monday 09:00 deadline.
  const clock = new FixedClock(new Date('2024-11-29T10:00:00+01:00'));
  let nvk: ApiClient;
  let nvkColleague: ApiClient;
  let school: ApiClient;
  let coordinator: ApiClient;
  let estMember: ApiClient;
  let organisations: Record<'nvk' | 'school' | 'police' | 'office', string>;

  beforeAll(async () => {
    app = await startTestApp({ store, clock });
    const admin = await adminClient(app.url);
    organisations = {
      nvk: await createOrganisation(admin, 'NVK', 'municipal_company'),
      school: await createOrganisation(admin, 'Skolan', 'school'),
      police: await createOrganisation(admin, 'Polisen', 'police'),
      office: await createOrganisation(admin, 'BF-samordnaren', 'coordinator'),
    };
    nvk = (
      await createUser(admin, {
        username: 'nvk.rapportor',
        organisationId: organisations.nvk,
        roles: ['reporter'],
      })
    ).client;
    nvkColleague = (
      await createUser(admin, {
        username: 'nvk.kollega',
        organisationId: organisations.nvk,
        roles: ['reporter'],
      })
    ).client;
    school = (
      await createUser(admin, {
        username: 'skolan.rapportor',
        organisationId: organisations.school,
        roles: ['reporter'],
      })
    ).client;
    coordinator = (
      await createUser(admin, {
        username: 'bf.samordnare',
        organisationId: organisations.office,
        roles: ['coordinator'],
      })
    ).client;
    estMember = (
      await createUser(admin, {
        username: 'est.medlem',
        organisationId: organisations.school,
        roles: ['est_member'],
      })
    ).client;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const reportId = () => `2024-W48.${organisations.nvk}`;

  it('answers 401 without a login', async () => {
    const anonymous = new ApiClient(app.url);
    expect((await anonymous.get('/api/reports')).status).toBe(401);
    expect((await anonymous.post('/api/reports', { period: '2024-W48', organisationId: 'x' })).status).toBe(
      401,
    );
  });

  it('runs the whole life cycle: open, add, narrate, submit, amend, re-submit', async () => {
    const opened = await nvk.post('/api/reports', { period: '2024-W48', organisationId: organisations.nvk });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ id: reportId(), status: 'draft', version: 1, incidents: [] });
    expect(opened.headers.get('etag')).toBe('"1"');

    const added = await nvk.post(`/api/reports/${reportId()}/incidents`, incident, { 'if-match': '1' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      ...incident,
      occurredAtParsed: { kind: 'date', on: '2025-01-07' },
      version: 2,
    });

    const narrated = await nvk.patch(
      `/api/reports/${reportId()}`,
      { narrative: 'Lugnt just nu.' },
      { 'if-match': '2' },
    );
    expect(narrated.status).toBe(200);
    const submitted = await nvk.post(
      `/api/reports/${reportId()}/submit`,
      {},
      { 'if-match': String(narrated.body.version) },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submissions: 1 });

    const amended = await nvk.patch(
      `/api/reports/${reportId()}/incidents/${added.body.id}`,
      { assessment: { severity: 3 } },
      { 'if-match': String(submitted.body.version) },
    );
    expect(amended.status).toBe(200);
    expect(amended.body.assessment).toEqual({ severity: 3, scope: 'EA' });
    expect((await nvk.get(`/api/reports/${reportId()}`)).body.status).toBe('amended');
    const resubmitted = await nvk.post(`/api/reports/${reportId()}/submit`);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', submissions: 2 });

    const period = await school.get('/api/periods/2024-W48');
    expect(period.status).toBe(200);
    expect(period.body).toMatchObject({
      id: '2024-W48',
      startsOn: '2024-11-25',
      endsOn: '2024-12-01',
      monthlyMeeting: true,
      status: 'open',
      reportingDeadline: '2024-12-02T09:00:00+01:00',
    });
    const states = Object.fromEntries(
      period.body.compliance.map((entry: { organisationName: string; state: string }) => [
        entry.organisationName,
        entry.state,
      ]),
    );
    expect(states).toEqual({ NVK: 'on_time', Polisen: 'pending', Skolan: 'pending' });
  });

  it('files incidents under a configured category, refusing a missing or unknown one with a 400 naming the field', async () => {
    const categories = await nvk.get('/api/incident-categories');
    expect(categories.status).toBe(200);
    expect(categories.body).toContainEqual({ key: 'skadegorelse', label: 'Skadegörelse' });
    expect(categories.body).toContainEqual({ key: 'stold-inbrott', label: 'Stöld/inbrott' });
    expect(categories.body).toContainEqual({ key: 'ovrigt', label: 'Övrigt' });
    const { category: _category, ...uncategorised } = incident;
    for (const body of [
      uncategorised,
      { ...incident, category: 'nope' },
      { ...incident, category: 'okategoriserad' },
    ]) {
      const refused = await nvk.post(`/api/reports/${reportId()}/incidents`, body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toMatch(/category|Kategori/);
    }
    for (const hostile of ['__proto__', 'Klotter\u0000', '', 'x'.repeat(100_000)]) {
      const refused = await nvk.post(`/api/reports/${reportId()}/incidents`, {
        ...incident,
        category: hostile,
      });
      expect(refused.status).toBe(400);
    }
    const added = await nvk.post(`/api/reports/${reportId()}/incidents`, {
      ...incident,
      category: 'klotter',
      tags: ['skolan', 'helg'],
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ category: 'klotter', tags: ['skolan', 'helg'] });
    const edited = await nvk.patch(`/api/reports/${reportId()}/incidents/${added.body.id}`, {
      category: 'ovrigt',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ category: 'ovrigt' });
    expect((await nvk.delete(`/api/reports/${reportId()}/incidents/${added.body.id}`)).status).toBe(200);
  });

  it('refuses a second report for the same pair with 409', async () => {
    const again = await nvkColleague.post('/api/reports', {
      period: '2024-W48',
      organisationId: organisations.nvk,
    });
    expect(again.status).toBe(409);
  });

  it('answers a retried POST with the same Idempotency-Key once, without a second incident', async () => {
    const headers = { 'idempotency-key': 'add-klotter-1' };
    const body = {
      problem: 'Klotter på Unkan',
      category: 'skadegorelse',
      assessment: { severity: 1, scope: 'A' },
    };
    const first = await nvk.post(`/api/reports/${reportId()}/incidents`, body, headers);
    const second = await nvk.post(`/api/reports/${reportId()}/incidents`, body, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const report = await nvk.get(`/api/reports/${reportId()}`);
    expect(
      report.body.incidents.filter((i: { problem: string }) => i.problem === 'Klotter på Unkan'),
    ).toHaveLength(1);
  });

  it('answers 409 to a stale If-Match and changes nothing', async () => {
    const before = await nvk.get(`/api/reports/${reportId()}`);
    const stale = await nvk.patch(`/api/reports/${reportId()}`, { narrative: 'Gammal' }, { 'if-match': '1' });
    expect(stale.status).toBe(409);
    expect((await nvk.get(`/api/reports/${reportId()}`)).body).toEqual(before.body);
  });

  it('lets one of two people editing the same version win, and tells the other (409)', async () => {
    const current = await nvk.get(`/api/reports/${reportId()}`);
    const ifMatch = { 'if-match': String(current.body.version) };
    const [a, b] = await Promise.all([
      nvk.patch(`/api/reports/${reportId()}`, { narrative: 'Text från A' }, ifMatch),
      nvkColleague.patch(`/api/reports/${reportId()}`, { narrative: 'Text från B' }, ifMatch),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'Text från A' : 'Text från B';
    const after = await nvk.get(`/api/reports/${reportId()}`);
    expect(after.body.narrative).toBe(winner);
    expect(after.body.version).toBe(current.body.version + 1);
  });

  it('keeps a place register the coordinator writes and incidents point into', async () => {
    const arena = await coordinator.post('/api/places', {
      name: 'Frida Hansdotter Arena',
      kind: 'sports_facility',
      coordinates: { lat: 60.0706, lon: 15.9294 },
    });
    expect(arena.status).toBe(201);
    expect((await nvk.post('/api/places', { name: 'Unkan', kind: 'youth_centre' })).status).toBe(403);
    // Only the coordinator keeps the register (the Place rows of the permission matrix).
    expect((await nvk.patch(`/api/places/${arena.body.id}`, { name: 'Arenan' })).status).toBe(403);
    expect((await nvk.delete(`/api/places/${arena.body.id}`)).status).toBe(403);
    expect((await coordinator.post('/api/places', { name: 'Unkan', kind: 'bunker' })).status).toBe(400);
    const unknown = await nvk.post(`/api/reports/${reportId()}/incidents`, {
      ...incident,
      placeId: 'no-such-place',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toMatchObject({ field: 'placeId' });
    const placed = await nvk.post(`/api/reports/${reportId()}/incidents`, {
      ...incident,
      placeId: arena.body.id,
    });
    expect(placed.status).toBe(201);
    expect(placed.body.placeId).toBe(arena.body.id);
    const places = await school.get('/api/places');
    expect(places.body).toEqual([
      expect.objectContaining({ name: 'Frida Hansdotter Arena', kind: 'sports_facility' }),
    ]);
  });

  it('lists weeks newest first with how many have reported, and the crime categories', async () => {
    const periods = await school.get('/api/periods?page=1&perPage=3');
    expect(periods.status).toBe(200);
    expect(periods.body.map((period: { id: string }) => period.id)).toEqual([
      '2024-W48',
      '2024-W47',
      '2024-W46',
    ]);
    expect(periods.body[0]).toMatchObject({ status: 'open', reported: 1, expected: 3 });
    expect(Number(periods.headers.get('x-total-count'))).toBeGreaterThanOrEqual(12);
    expect((await school.get('/api/periods/2021-W53')).status).toBe(400);
    const categories = await school.get('/api/crime-categories');
    expect(categories.body).toContainEqual({ key: 'grov_fridskrankning', label: 'Grov fridskränkning' });
  });

  describe('permissions, on the actual report', () => {
    it('hides another organisation’s report from a reporter (404 on read and write)', async () => {
      expect((await school.get(`/api/reports/${reportId()}`)).status).toBe(404);
      expect((await school.patch(`/api/reports/${reportId()}`, { narrative: 'x' })).status).toBe(404);
      expect((await school.post(`/api/reports/${reportId()}/incidents`, incident)).status).toBe(404);
      expect((await school.post(`/api/reports/${reportId()}/submit`)).status).toBe(404);
      const list = await school.get('/api/reports?period=2024-W48');
      expect(list.body).toEqual([]);
      expect(list.headers.get('x-total-count')).toBe('0');
    });

    it('refuses a reporter opening a report for another organisation (403)', async () => {
      expect(
        (await school.post('/api/reports', { period: '2024-W48', organisationId: organisations.police }))
          .status,
      ).toBe(403);
    });

    it('keeps report contents from an EST member, who reads the lägesbild instead', async () => {
      expect((await estMember.get(`/api/reports/${reportId()}`)).status).toBe(404);
    });

    it('hides a draft from the coordinator, shows a submitted report', async () => {
      const draft = await school.post('/api/reports', {
        period: '2024-W48',
        organisationId: organisations.school,
      });
      expect(draft.status).toBe(201);
      expect((await coordinator.get(`/api/reports/${draft.body.id}`)).status).toBe(404);
      expect((await coordinator.get(`/api/reports/${reportId()}`)).status).toBe(200);
      // Reading another organisation's report is logged; the organisation reading its own is not.
      const readsOf = () => app.app.get<EventStore>(EVENT_STORE).readStream(`reportread-${reportId()}`);
      const reads = await readsOf();
      expect(reads.at(-1)).toMatchObject({
        type: 'ReportRead',
        data: { reportId: reportId(), organisationId: organisations.nvk },
        metadata: { organisationId: organisations.office },
      });
      await nvk.get(`/api/reports/${reportId()}`);
      expect(await readsOf()).toHaveLength(reads.length);
      expect(
        (await coordinator.patch(`/api/reports/${reportId()}`, { narrative: 'Samordnaren skriver' })).status,
      ).toBe(403);
    });

    it('locks a compiled period for the reporter until the coordinator reopens the report with a reason', async () => {
      await compileWeek(app.app.get(EVENT_STORE), '2024-W48');
      expect((await nvk.patch(`/api/reports/${reportId()}`, { narrative: 'För sent' })).status).toBe(403);
      expect((await nvk.post(`/api/reports/${reportId()}/incidents`, incident)).status).toBe(403);
      expect((await nvk.post(`/api/reports/${reportId()}/reopen`, { reason: 'Jag vill' })).status).toBe(403);
      expect((await coordinator.post(`/api/reports/${reportId()}/reopen`, {})).status).toBe(400);
      const reopened = await coordinator.post(`/api/reports/${reportId()}/reopen`, {
        reason: 'NVK kompletterar',
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body.locked).toBe(false);
      const late = await nvk.patch(`/api/reports/${reportId()}`, { narrative: 'Komplettering efter mötet' });
      expect(late.status).toBe(200);
      expect(late.body.status).toBe('amended');
    });
  });

  it('never answers 500 to random or malformed payloads, and changes nothing when it refuses (property)', async () => {
    const open = await nvk.post('/api/reports', { period: '2024-W47', organisationId: organisations.nvk });
    expect(open.status).toBe(201);
    const id = open.body.id as string;
    const seeded = await nvk.post(`/api/reports/${id}/incidents`, incident);
    const incidentId = seeded.body.id as string;

    const endpoints: { method: 'POST' | 'PATCH' | 'DELETE'; path: string }[] = [
      { method: 'POST', path: '/api/reports' },
      { method: 'PATCH', path: `/api/reports/${id}` },
      { method: 'POST', path: `/api/reports/${id}/incidents` },
      { method: 'PATCH', path: `/api/reports/${id}/incidents/${incidentId}` },
      { method: 'DELETE', path: `/api/reports/${id}/incidents/${incidentId}` },
      { method: 'POST', path: `/api/reports/${id}/submit` },
      { method: 'POST', path: `/api/reports/${id}/withdraw` },
      { method: 'POST', path: `/api/reports/${id}/reopen` },
    ];
    const fieldNames = [
      'problem',
      'narrative',
      'attendance',
      'statistics',
      'assessment',
      'period',
      'organisationId',
      'reason',
      'expectedVersion',
      'status',
      '__proto__',
      'comment',
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.string({ minLength: 4001, maxLength: 4100 }),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.record({ severity: fc.oneof(fc.integer(), fc.string()), scope: fc.string({ maxLength: 3 }) }),
      fc.record({
        handelserapporter: fc.integer(),
        arenden: fc.string(),
        categories: fc.array(fc.anything(), { maxLength: 2 }),
      }),
    );
    const payload = fc.oneof(
      fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 4 }),
      fc.anything(),
      fc.constantFrom('{not json', '[]', '"text"', '{"problem":', 'null', '{"a":1}'.repeat(3)),
    );
    const version = async () => (await nvk.get(`/api/reports/${id}`)).body.version as number;

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        payload,
        fc.option(fc.string({ maxLength: 12 })),
        async (endpoint, body, ifMatch) => {
          const before = await version();
          const raw = typeof body === 'string' && /^[[{"n]/.test(body) ? body : JSON.stringify(body ?? null);
          const answer = await nvk.request(
            endpoint.method,
            endpoint.path,
            raw ?? 'null',
            ifMatch === null ? {} : { 'if-match': ifMatch },
          );
          expect(answer.status).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.body).toMatchObject({ statusCode: answer.status, message: expect.any(String) });
            expect(await version()).toBe(before);
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
