import { MASK_MARKER } from '@laget/contracts';
import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import type { EventStore } from '@laget/event-store';
import { FixedClock } from '../platform/commands/clock.js';
import { EVENT_STORE, JOB_QUEUE } from '../platform/platform.tokens.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { Projections } from '../platform/projections.service.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../reporting/testing/http-kit.js';
import { PublicJsonSchemaCheck } from '../publication/testing/public-json-schema.js';

const period = '2024-W48';
const secret = {
  name: 'Kalle Andersson',
  personnummer: '19811218-9876',
  phone: '070-174 06 05',
};

describeOnStores(['postgres'], 'lagesbilder over HTTP', (store) => {
  let app: TestApp;
  // Friday of 2024-W48, before the deadline: the coordinator compiles early (confirmEarly).
  const clock = new FixedClock(new Date('2024-11-29T10:00:00+01:00'));
  let admin: ApiClient;
  let schoolReporter: ApiClient;
  let coordinator: ApiClient;
  let reviewer: ApiClient;
  let estMember: ApiClient;
  let policeReporter: ApiClient;
  const anonymous = () => new ApiClient(app.url);
  let organisations: Record<'school' | 'police' | 'office', string>;
  let schoolReportId: string;
  let publicationJobId: string;

  beforeAll(async () => {
    app = await startTestApp({ store, clock });
    admin = await adminClient(app.url);
    organisations = {
      school: await createOrganisation(admin, 'Skolan', 'school'),
      police: await createOrganisation(admin, 'Polisen', 'police'),
      office: await createOrganisation(admin, 'BF-samordnaren', 'coordinator'),
    };
    const user = async (username: string, organisationId: string, roles: string[]) =>
      (await createUser(admin, { username, organisationId, roles })).client;
    schoolReporter = await user('skolan.rapportor', organisations.school, ['reporter']);
    policeReporter = await user('polisen.rapportor', organisations.police, ['reporter']);
    coordinator = await user('bf.samordnare', organisations.office, ['coordinator']);
    reviewer = await user('granskare', organisations.office, ['reviewer']);
    estMember = await user('est.medlem', organisations.police, ['est_member']);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  async function fileSchoolReport(): Promise<void> {
    const opened = await schoolReporter.post('/api/reports', {
      period,
      organisationId: organisations.school,
    });
    expect(opened.status).toBe(201);
    schoolReportId = opened.body.id;
    const added = await schoolReporter.post(`/api/reports/${schoolReportId}/incidents`, {
      problem: `Hot mot elev, anmäld ${secret.name} (${secret.personnummer})`,
      location: 'Skolgården',
      occurredAt: 'Rasterna',
      frequency: 'Varje vecka',
      category: 'skadegorelse',
      assessment: { severity: 4, scope: 'E' },
      comment: `Kontakt ${secret.phone}`,
    });
    expect(added.status).toBe(201);
    const narrated = await schoolReporter.patch(`/api/reports/${schoolReportId}`, {
      narrative: 'Före jul skedde en allvarlig misshandel på skolan. Ärendet är polisanmält.',
    });
    expect(narrated.status).toBe(200);
    expect((await schoolReporter.post(`/api/reports/${schoolReportId}/submit`)).status).toBe(200);
  }

  it('before compile: the coordinator watches the draft fill up; nobody else sees anything', async () => {
    expect((await coordinator.post('/api/lagesbilder', { period })).status).toBe(422);
    await fileSchoolReport();
    const draft = await coordinator.get(`/api/lagesbilder/${period}?view=draft`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ id: period, status: 'draft', view: 'draft' });
    expect(draft.body.sections.map((s: { kind: string }) => s.kind)).toEqual([
      'background',
      'incidents',
      'police_statistics',
      'coordinator_report',
      'organisation_report',
      'other',
      'conclusions',
    ]);
    expect((await estMember.get(`/api/lagesbilder/${period}?view=draft`)).status).toBe(403);
    expect((await estMember.get(`/api/lagesbilder/${period}?view=internal`)).status).toBe(404);
    expect((await anonymous().get(`/api/lagesbilder/${period}?view=open`)).status).toBe(404);
    expect((await anonymous().get(`/api/lagesbilder/${period}?view=draft`)).status).toBe(404);
  });

  it('compiles, edits and redacts; the open view holds no redacted text', async () => {
    expect((await policeReporter.post('/api/lagesbilder', { period })).status).toBe(403);
    // Friday of the week: Polisen has not reported, so the compile is confirmed as early.
    expect((await coordinator.post('/api/lagesbilder', { period })).status).toBe(409);
    const compiled = await coordinator.post('/api/lagesbilder', { period, confirmEarly: true });
    expect(compiled.status).toBe(201);
    expect(compiled.body).toMatchObject({ id: period, status: 'compiled', view: 'internal', revision: 1 });
    expect((await coordinator.post('/api/lagesbilder', { period })).status).toBe(409);

    const edited = await coordinator.patch(
      `/api/lagesbilder/${period}/sections/conclusions`,
      { text: 'Kommunens EST-grupp vill påminna om vikten av att rapportera varje vecka.' },
      { 'if-match': String(compiled.body.version) },
    );
    expect(edited.status).toBe(200);
    const stale = await coordinator.patch(
      `/api/lagesbilder/${period}/sections/other`,
      { text: 'x' },
      { 'if-match': String(compiled.body.version) },
    );
    expect(stale.status).toBe(409);
    expect(
      (
        await coordinator.patch(`/api/lagesbilder/${period}/sections/org-${organisations.school}`, {
          text: 'x',
        })
      ).status,
    ).toBe(403);

    const suggestions = await coordinator.get(`/api/lagesbilder/${period}/redaction-suggestions`);
    expect(suggestions.status).toBe(200);
    const kinds = suggestions.body.map((s: { kind: string; text: string }) => `${s.kind}:${s.text}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        `name:${secret.name}`,
        `personnummer:${secret.personnummer}`,
        `phone:${secret.phone}`,
      ]),
    );
    expect((await estMember.get(`/api/lagesbilder/${period}/redaction-suggestions`)).status).toBe(403);

    for (const suggestion of suggestions.body as Array<Record<string, unknown>>) {
      if (suggestion.kind === 'masked_elsewhere') continue;
      const applied = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
        sectionId: suggestion.sectionId,
        path: suggestion.path,
        start: suggestion.start,
        end: suggestion.end,
        legalGround: 'OSL 26 kap. 1 §',
        reason: 'Uppgift om enskild',
        suggestionKind: suggestion.kind,
      });
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({ kind: 'mask', stale: false, legalGround: 'OSL 26 kap. 1 §' });
    }
    const invalid = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      sectionId: 'incidents',
      path: '/items/0/comment',
      start: 5,
      end: 2,
      legalGround: 'Tycke',
      reason: '',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^body\./) })]),
    );
    const badGround = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      sectionId: 'incidents',
      path: '/items/0/comment',
      start: 0,
      end: 3,
      legalGround: 'Tycke',
      reason: 'x',
    });
    expect(badGround.status).toBe(400);

    const list = await coordinator.get(`/api/lagesbilder/${period}/redactions`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThanOrEqual(3);
    expect((await reviewer.get(`/api/lagesbilder/${period}/redactions`)).status).toBe(200);
    expect((await estMember.get(`/api/lagesbilder/${period}/redactions`)).status).toBe(403);

    // The open view holds no redacted text, whoever reads it.
    const open = await reviewer.get(`/api/lagesbilder/${period}?view=open`);
    expect(open.status).toBe(200);
    const json = JSON.stringify(open.body);
    for (const value of Object.values(secret)) expect(json).not.toContain(value);
    expect(json).toContain(MASK_MARKER);
    expect((await estMember.get(`/api/lagesbilder/${period}?view=open`)).status).toBe(403);
    expect((await anonymous().get(`/api/lagesbilder/${period}?view=open`)).status).toBe(404);
    expect((await anonymous().get(`/api/lagesbilder/${period}?view=internal`)).status).toBe(404);

    // The EST group reads the internal version, and that read is logged.
    const internal = await estMember.get(`/api/lagesbilder/${period}?view=internal`);
    expect(internal.status).toBe(200);
    expect(JSON.stringify(internal.body)).toContain(secret.personnummer);
    const store = app.app.get<EventStore>(EVENT_STORE);
    const reads = await store.readStream(`lagesbildread-${period}`);
    expect(reads.at(-1)).toMatchObject({
      type: 'LagesbildViewRead',
      data: { period, view: 'internal', revision: internal.body.revision, version: internal.body.version },
      metadata: { actorId: expect.any(String), organisationId: organisations.police },
    });
    // The log says who read which version, never what it said.
    expect(JSON.stringify(reads)).not.toContain(secret.personnummer);
  });

  it('nobody without internal access gets redacted text from any lägesbild endpoint', async () => {
    const paths = [
      `/api/lagesbilder/${period}?view=open`,
      `/api/lagesbilder/${period}?view=internal`,
      `/api/lagesbilder/${period}?view=draft`,
      `/api/lagesbilder/${period}/redactions`,
      `/api/lagesbilder/${period}/redaction-suggestions`,
      `/api/lagesbilder/${period}/amendments`,
    ];
    for (const client of [admin, policeReporter, anonymous()]) {
      for (const path of paths) {
        const answer = await client.get(path);
        expect([200, 401, 403, 404]).toContain(answer.status);
        const body = JSON.stringify(answer.body);
        for (const value of Object.values(secret)) expect(body).not.toContain(value);
      }
    }
  });

  it('an edit under a mask makes it stale: approval waits until it is re-confirmed', async () => {
    const write = (text: string) => coordinator.patch(`/api/lagesbilder/${period}/sections/other`, { text });
    expect((await write('Lisa Eriksson förmedlar kontaktuppgifter till Polisen.')).status).toBe(200);
    const masked = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      sectionId: 'other',
      path: '/text',
      start: 0,
      end: 13,
      legalGround: 'OSL 26 kap. 1 §',
      reason: 'Uppgift om enskild',
    });
    expect(masked.status).toBe(201);
    expect((await write('Igår: Lisa Eriksson förmedlar kontaktuppgifter till Polisen.')).status).toBe(200);

    const open = await reviewer.get(`/api/lagesbilder/${period}?view=open`);
    expect(open.body.sections.find((s: { id: string }) => s.id === 'other').text).toBe(MASK_MARKER);
    const refused = await coordinator.post(`/api/lagesbilder/${period}/approve`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual({ staleRedactionIds: [masked.body.id] });
    const listed = await coordinator.get(`/api/lagesbilder/${period}/redactions`);
    expect(listed.body.find((r: { id: string }) => r.id === masked.body.id)).toMatchObject({ stale: true });

    const reconfirmed = await coordinator.post(
      `/api/lagesbilder/${period}/redactions/${masked.body.id}/reconfirm`,
      { start: 6, end: 19 },
    );
    expect(reconfirmed.status).toBe(200);
    expect(reconfirmed.body).toMatchObject({ stale: false, text: 'Lisa Eriksson' });
    const reopened = await reviewer.get(`/api/lagesbilder/${period}?view=open`);
    expect(reopened.body.sections.find((s: { id: string }) => s.id === 'other').text).toBe(
      `Igår: ${MASK_MARKER} förmedlar kontaktuppgifter till Polisen.`,
    );
  });

  it('an amended report is flagged and taken in by the coordinator, never silently', async () => {
    const reopened = await coordinator.post(`/api/reports/${schoolReportId}/reopen`, {
      reason: 'Fel i texten',
    });
    expect(reopened.status).toBe(200);
    expect(
      (await schoolReporter.patch(`/api/reports/${schoolReportId}`, { narrative: 'Rättad text om skolan.' }))
        .status,
    ).toBe(200);
    expect((await schoolReporter.post(`/api/reports/${schoolReportId}/submit`)).status).toBe(200);

    const internal = await coordinator.get(`/api/lagesbilder/${period}?view=internal`);
    const schoolSection = () => `org-${organisations.school}`;
    expect(internal.body.sections.find((s: { id: string }) => s.id === schoolSection()).text).toMatch(
      /^Före jul/,
    );
    const amendments = await coordinator.get(`/api/lagesbilder/${period}/amendments`);
    expect(amendments.status).toBe(200);
    expect(amendments.body).toEqual([
      expect.objectContaining({ reportId: schoolReportId, organisationId: organisations.school }),
    ]);
    const takenIn = await coordinator.post(
      `/api/lagesbilder/${period}/reports/${encodeURIComponent(schoolReportId)}/take-in`,
      { reason: 'Skolan rättade sin text' },
    );
    expect(takenIn.status).toBe(200);
    expect(takenIn.body.sections.find((s: { id: string }) => s.id === schoolSection()).text).toBe(
      'Rättad text om skolan.',
    );
    expect((await coordinator.get(`/api/lagesbilder/${period}/amendments`)).body).toEqual([]);
  });

  it('approves and hands the approved revision to publication', async () => {
    expect((await estMember.post(`/api/lagesbilder/${period}/approve`, {})).status).toBe(403);
    // Without four-eyes the reviewer has nothing to approve.
    expect((await reviewer.post(`/api/lagesbilder/${period}/approve`, {})).status).toBe(403);
    const approved = await coordinator.post(`/api/lagesbilder/${period}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.contentHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await reviewer.post(`/api/lagesbilder/${period}/publish`, {})).status).toBe(403);
    const published = await coordinator.post(`/api/lagesbilder/${period}/publish`, {});
    expect(published.status).toBe(202);
    expect(published.body.jobId).toMatch(/^publish-lagesbild-/);
    publicationJobId = published.body.jobId;
    const again = await coordinator.post(`/api/lagesbilder/${period}/publish`, {});
    expect(again.status).toBe(422);
  });

  it('once published, anyone reads the open version; a correction hides it again until republished', async () => {
    // The publication module's job publishes the approved revision and records it.
    const job = await app.app.get<JobQueue>(JOB_QUEUE).waitUntilSettled(publicationJobId, 60_000);
    expect(job.state).toBe('completed');
    await app.app.get(Projections).waitUntilCaughtUp();
    const site = await anonymous().get(`/public/lagesbilder/${period}.json`);
    expect(site.status).toBe(200);
    (await PublicJsonSchemaCheck.fromServer(app.url)).check(`/public/lagesbilder/${period}.json`, site);
    for (const value of Object.values(secret)) expect(JSON.stringify(site.body)).not.toContain(value);
    const open = await anonymous().get(`/api/lagesbilder/${period}?view=open`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ status: 'published', view: 'open' });
    const json = JSON.stringify(open.body);
    for (const value of Object.values(secret)) expect(json).not.toContain(value);
    expect((await anonymous().get(`/api/lagesbilder/${period}?view=internal`)).status).toBe(404);

    expect(
      (await coordinator.patch(`/api/lagesbilder/${period}/sections/conclusions`, { text: 'Rättat.' }))
        .status,
    ).toBe(200);
    expect((await anonymous().get(`/api/lagesbilder/${period}?view=open`)).status).toBe(404);
    expect((await coordinator.post(`/api/lagesbilder/${period}/approve`, {})).status).toBe(200);
    const withoutNote = await coordinator.post(`/api/lagesbilder/${period}/publish`, {});
    expect(withoutNote.status).toBe(400);
    const corrected = await coordinator.post(`/api/lagesbilder/${period}/publish`, {
      correction: { what: 'Slutsatserna rättades', why: 'Felaktigt datum' },
    });
    expect(corrected.status).toBe(202);
    const retracted = await coordinator.post(`/api/lagesbilder/${period}/retract`, {
      reason: 'Felaktig uppgift',
    });
    expect(retracted.status).toBe(200);

    const history = await coordinator.get(`/api/lagesbilder/${period}/history`);
    expect(history.status).toBe(200);
    const types = history.body.map((entry: { type: string }) => entry.type);
    expect(types[0]).toBe('LagesbildViewRead');
    expect(types).toEqual(
      expect.arrayContaining([
        'LagesbildCompiled',
        'SectionEdited',
        'SuggestionAccepted',
        'RedactionApplied',
        'RedactionReconfirmed',
        'ReportTakenIn',
        'LagesbildApproved',
        'PublicationRequested',
        'LagesbildPublished',
        'PublicationRetracted',
        'LagesbildViewRead',
      ]),
    );
    expect(history.body.find((entry: { type: string }) => entry.type === 'RedactionApplied')).toMatchObject({
      actorId: expect.any(String),
      at: expect.any(String),
      details: { legalGround: 'OSL 26 kap. 1 §', reason: 'Uppgift om enskild' },
    });
    expect(
      history.body.find(
        (entry: { type: string; details: { correction?: unknown } }) =>
          entry.type === 'PublicationRequested' && entry.details.correction,
      ),
    ).toMatchObject({ details: { correction: { what: 'Slutsatserna rättades', why: 'Felaktigt datum' } } });
    expect((await admin.get(`/api/lagesbilder/${period}/history`)).status).toBe(403);
    expect((await estMember.get(`/api/lagesbilder/${period}/history`)).status).toBe(403);
  });

  it('target-group versions are read by their audience only', async () => {
    const internal = await coordinator.get(`/api/lagesbilder/${period}?view=internal`);
    const incidentId = internal.body.sections[1].items[0].id;
    const defined = await coordinator.request('PUT', `/api/lagesbilder/${period}/audiences/skolan`, {
      title: 'Skolan',
      organisationIds: [organisations.school],
      roles: [],
      sectionIds: ['incidents', `org-${organisations.school}`],
      incidentIds: [incidentId],
    });
    expect(defined.status).toBe(200);
    expect(defined.body).toMatchObject({ view: 'audience:skolan' });
    const listed = await coordinator.get(`/api/lagesbilder/${period}/audiences`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        name: 'skolan',
        title: 'Skolan',
        organisationIds: [organisations.school],
        roles: [],
        sectionIds: ['incidents', `org-${organisations.school}`],
        incidentIds: [incidentId],
      },
    ]);
    expect((await schoolReporter.get(`/api/lagesbilder/${period}/audiences`)).status).toBe(403);
    expect((await reviewer.get(`/api/lagesbilder/${period}/audiences`)).status).toBe(403);

    const own = await schoolReporter.get(`/api/lagesbilder/${period}?view=audience:skolan`);
    expect(own.status).toBe(200);
    expect(own.body.sections.map((s: { id: string }) => s.id)).toEqual([
      'incidents',
      `org-${organisations.school}`,
    ]);
    expect((await schoolReporter.get(`/api/lagesbilder/${period}?view=internal`)).status).toBe(403);
    expect((await policeReporter.get(`/api/lagesbilder/${period}?view=audience:skolan`)).status).toBe(403);
    expect((await anonymous().get(`/api/lagesbilder/${period}?view=audience:skolan`)).status).toBe(404);
    expect((await schoolReporter.get(`/api/lagesbilder/${period}?view=audience:annan`)).status).toBe(403);
    expect((await schoolReporter.get(`/api/lagesbilder/${period}?view=nonsense`)).status).toBe(400);
    expect(
      (
        await schoolReporter.request('PUT', `/api/lagesbilder/${period}/audiences/egen`, {
          title: 'Egen',
          organisationIds: [organisations.school],
          roles: [],
          sectionIds: ['incidents'],
          incidentIds: null,
        })
      ).status,
    ).toBe(403);
  });
});
