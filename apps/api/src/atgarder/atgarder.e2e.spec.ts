import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { SCAN_ACTION_REMINDERS } from './reminders/remind-actions.job.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../reporting/testing/http-kit.js';

/**
 * Problems and actions over HTTP (issue 19): incidents of three weeks linked to a problem, two
 * actions with owners, a follow-up by the owner organisation's reporter, and every row of the
 * permission matrix for `Problem` and `ProblemAction` tried by every role.
 */
describeOnStores(['postgres'], 'problems and actions over HTTP', (store) => {
  let app: TestApp;
  // Friday of 2026-W10.
  const clock = new FixedClock(new Date('2026-03-06T10:00:00+01:00'));
  let admin: ApiClient;
  let coordinator: ApiClient;
  let estMember: ApiClient;
  let reviewer: ApiClient;
  let nvkReporter: ApiClient;
  let nvkReporterId: string;
  let operator: ApiClient;
  let schoolReporter: ApiClient;
  let orgs: Record<'nvk' | 'school' | 'office', string>;
  let placeId: string;
  const incidentIds: string[] = [];
  let problemId: string;
  let nvkActionId: string;
  let schoolActionId: string;
  const anonymous = () => new ApiClient(app.url);

  beforeAll(async () => {
    app = await startTestApp({ store, clock });
    admin = await adminClient(app.url);
    orgs = {
      nvk: await createOrganisation(admin, 'NVK', 'municipal_company'),
      school: await createOrganisation(admin, 'Skolan', 'school'),
      office: await createOrganisation(admin, 'BF-samordnaren', 'coordinator'),
    };
    const user = async (username: string, organisationId: string, roles: string[]) =>
      (await createUser(admin, { username, organisationId, roles })).client;
    coordinator = await user('bf.samordnare', orgs.office, ['coordinator']);
    // A token login: the first admin's session would expire when the clock jumps weeks ahead.
    operator = (await createUser(admin, { username: 'drift', organisationId: null, roles: ['admin'] }))
      .client;
    estMember = await user('est.medlem', orgs.school, ['est_member']);
    reviewer = await user('granskare', orgs.office, ['reviewer']);
    const nvk = await createUser(admin, {
      username: 'nvk.rapportor',
      organisationId: orgs.nvk,
      roles: ['reporter'],
    });
    nvkReporter = nvk.client;
    nvkReporterId = nvk.id;
    const withEmail = await admin.patch(`/api/users/${nvkReporterId}`, { email: 'nvk.rapportor@example.se' });
    expect(withEmail.status).toBe(200);
    schoolReporter = await user('skolan.rapportor', orgs.school, ['reporter']);
    const place = await coordinator.post('/api/places', { name: 'Åsens torg', kind: 'square' });
    expect(place.status).toBe(201);
    placeId = place.body.id;
    // Three weeks of NVK reports, each with an incident at the square (filed by the coordinator).
    for (const period of ['2026-W08', '2026-W09', '2026-W10']) {
      const opened = await coordinator.post('/api/reports', { period, organisationId: orgs.nvk });
      expect(opened.status).toBe(201);
      const added = await coordinator.post(`/api/reports/${opened.body.id}/incidents`, {
        problem: `Skadegörelse på busskuren (${period})`,
        category: 'skadegorelse',
        location: 'Åsens torg',
        placeId,
        occurredAt: 'Kvällstid',
        frequency: 'Varje vecka',
        assessment: { severity: 3, scope: 'A' },
        comment: '',
      });
      expect(added.status).toBe(201);
      incidentIds.push(added.body.id);
      if (period === '2026-W10') {
        // Same place, another category: never suggested for a problem about skadegörelse.
        const graffiti = await coordinator.post(`/api/reports/${opened.body.id}/incidents`, {
          problem: 'Klotter på busskuren',
          category: 'klotter',
          location: 'Åsens torg',
          placeId,
          occurredAt: 'Natt',
          frequency: 'En gång',
          assessment: { severity: 1, scope: 'A' },
          comment: '',
        });
        expect(graffiti.status).toBe(201);
      }
      expect((await coordinator.post(`/api/reports/${opened.body.id}/submit`)).status).toBe(200);
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('the coordinator opens a problem; the EST group reads it; others may not', async () => {
    const body = {
      title: 'Skadegörelse vid Åsens torg',
      category: 'skadegorelse',
      placeIds: [placeId],
      description: 'Återkommande skadegörelse kvällstid',
    };
    for (const client of [estMember, reviewer, nvkReporter]) {
      expect((await client.post('/api/problems', body)).status).toBe(403);
    }
    expect((await anonymous().post('/api/problems', body)).status).toBe(401);
    const created = await coordinator.post('/api/problems', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, status: 'active', incidentIds: [], version: 1 });
    problemId = created.body.id;

    const read = await estMember.get(`/api/problems/${problemId}`);
    expect(read.status).toBe(200);
    expect(read.body.title).toBe(body.title);
    expect((await estMember.get('/api/problems')).body.map((p: { id: string }) => p.id)).toContain(problemId);
    for (const client of [reviewer, nvkReporter]) {
      expect((await client.get(`/api/problems/${problemId}`)).status).toBe(404);
      expect((await client.get('/api/problems')).status).toBe(403);
    }
    expect((await estMember.patch(`/api/problems/${problemId}`, { status: 'watched' })).status).toBe(403);
  });

  it('suggests the incidents at its place, and links incidents of three weeks', async () => {
    const before = await coordinator.get(`/api/problems/${problemId}/incidents`);
    expect(before.status).toBe(200);
    expect(before.body.linked).toEqual([]);
    expect(before.body.suggested.map((i: { incidentId: string }) => i.incidentId).sort()).toEqual(
      [...incidentIds].sort(),
    );
    for (const incidentId of incidentIds) {
      expect((await estMember.post(`/api/problems/${problemId}/incidents`, { incidentId })).status).toBe(403);
      const linked = await coordinator.post(`/api/problems/${problemId}/incidents`, { incidentId });
      expect(linked.status).toBe(200);
    }
    const after = await estMember.get(`/api/problems/${problemId}/incidents`);
    expect(after.body.linked.map((i: { period: string }) => i.period)).toEqual([
      '2026-W08',
      '2026-W09',
      '2026-W10',
    ]);
    expect(after.body.suggested).toEqual([]);
    const missing = await coordinator.post(`/api/problems/${problemId}/incidents`, { incidentId: 'nope' });
    expect(missing.status).toBe(404);
    const unlinked = await coordinator.delete(`/api/problems/${problemId}/incidents/${incidentIds[0]}`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.incidentIds).toEqual(incidentIds.slice(1));
    await coordinator.post(`/api/problems/${problemId}/incidents`, { incidentId: incidentIds[0] });
  });

  it('two actions with owners; a reporter sees only its own organisation’s', async () => {
    const action = (owner: string, title: string) => ({
      problemId,
      title,
      ownerOrganisationId: owner,
      startsOn: '2026-03-09',
      dueOn: '2026-04-30',
    });
    const nvk = await coordinator.post('/api/actions', {
      ...action(orgs.nvk, 'Bättre belysning'),
      public: true,
    });
    expect(nvk.status).toBe(201);
    expect(nvk.body).toMatchObject({
      status: 'planned',
      public: true,
      followUps: [],
      responsibleUserId: null,
    });
    nvkActionId = nvk.body.id;
    const school = await coordinator.post('/api/actions', action(orgs.school, 'Samtal med eleverna'));
    expect(school.status).toBe(201);
    schoolActionId = school.body.id;

    expect((await estMember.get(`/api/actions/${schoolActionId}`)).status).toBe(200);
    expect((await estMember.get('/api/actions')).body).toHaveLength(2);
    const own = await nvkReporter.get('/api/actions');
    expect(own.body.map((a: { id: string }) => a.id)).toEqual([nvkActionId]);
    expect((await nvkReporter.get(`/api/actions/${schoolActionId}`)).status).toBe(404);
    expect((await reviewer.get('/api/actions')).body).toEqual([]);
    expect((await anonymous().get('/api/actions')).status).toBe(401);
    // Refused: dates the wrong way round, a missing problem, a reporter planning for another organisation or in public.
    expect(
      (await coordinator.post('/api/actions', { ...action(orgs.nvk, 'x'), dueOn: '2026-03-01' })).status,
    ).toBe(422);
    expect(
      (await coordinator.post('/api/actions', { ...action(orgs.nvk, 'x'), problemId: 'nope' })).status,
    ).toBe(422);
    expect((await nvkReporter.post('/api/actions', action(orgs.school, 'x'))).status).toBe(403);
    expect((await nvkReporter.post('/api/actions', { ...action(orgs.nvk, 'x'), public: true })).status).toBe(
      403,
    );
    expect((await estMember.post('/api/actions', action(orgs.nvk, 'x'))).status).toBe(403);
  });

  it('pages and sorts the lists as the contract’s lists do, the total before paging', async () => {
    const byTitle = await estMember.get('/api/actions?sort=title&order=DESC&page=1&perPage=1');
    expect(byTitle.status).toBe(200);
    expect(byTitle.headers.get('x-total-count')).toBe('2');
    expect(byTitle.body.map((a: { title: string }) => a.title)).toEqual(['Samtal med eleverna']);
    const second = await estMember.get('/api/actions?sort=title&order=DESC&page=2&perPage=1');
    expect(second.body.map((a: { title: string }) => a.title)).toEqual(['Bättre belysning']);
    const beyond = await estMember.get('/api/problems?page=9&perPage=25');
    expect(beyond.body).toEqual([]);
    expect(beyond.headers.get('x-total-count')).toBe('1');
    for (const bad of ['perPage=0', 'perPage=501', 'page=0', 'page=x', 'order=sideways']) {
      const refused = await estMember.get(`/api/actions?${bad}`);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(bad.split('=')[0]);
    }
  });

  it('the owner organisation’s reporter updates its action and adds a follow-up; nobody else may', async () => {
    const started = await nvkReporter.patch(`/api/actions/${nvkActionId}`, { status: 'ongoing' });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('ongoing');
    expect((await nvkReporter.patch(`/api/actions/${nvkActionId}`, { public: false })).status).toBe(403);
    expect(
      (await nvkReporter.patch(`/api/actions/${nvkActionId}`, { ownerOrganisationId: orgs.school })).status,
    ).toBe(403);
    expect((await schoolReporter.patch(`/api/actions/${nvkActionId}`, { status: 'done' })).status).toBe(404);
    expect((await estMember.patch(`/api/actions/${nvkActionId}`, { status: 'done' })).status).toBe(403);

    const followUp = {
      on: '2026-03-20',
      effect: 'better',
      text: 'Inga nya anmälningar sedan lamporna byttes',
    };
    expect((await schoolReporter.post(`/api/actions/${nvkActionId}/follow-ups`, followUp)).status).toBe(404);
    expect((await estMember.post(`/api/actions/${nvkActionId}/follow-ups`, followUp)).status).toBe(403);
    const added = await nvkReporter.post(`/api/actions/${nvkActionId}/follow-ups`, followUp);
    expect(added.status).toBe(201);
    expect(added.body.followUps).toEqual([
      { ...followUp, byId: expect.any(String), recordedAt: expect.any(String) },
    ]);
    const seen = await estMember.get(`/api/actions/${nvkActionId}`);
    expect(seen.body.followUps).toHaveLength(1);

    const moved = await coordinator.patch(`/api/actions/${schoolActionId}`, {
      ownerOrganisationId: orgs.nvk,
      public: true,
    });
    expect(moved.status).toBe(200);
    expect((await nvkReporter.get('/api/actions')).body).toHaveLength(2);
    const stale = await coordinator.patch(
      `/api/actions/${schoolActionId}`,
      { status: 'done' },
      { 'if-match': '1' },
    );
    expect(stale.status).toBe(409);
  });

  it('refuses hostile input with a 400 naming the field', async () => {
    const nul = await coordinator.post('/api/problems', { title: 'a\u0000b', category: 'x' });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(nul.body)).toContain('title');
    const surrogate = await coordinator.post(`/api/actions/${nvkActionId}/follow-ups`, {
      on: '2026-03-21',
      effect: 'better',
      text: 'x\uD800',
    });
    expect(surrogate.status).toBe(400);
    expect(
      (
        await coordinator.post(`/api/actions/${nvkActionId}/follow-ups`, {
          on: '2026-02-30',
          effect: 'better',
          text: 'x',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await coordinator.post(`/api/actions/${nvkActionId}/follow-ups`, {
          on: '2026-03-21',
          effect: 'great',
          text: 'x',
        })
      ).status,
    ).toBe(400);
    expect((await coordinator.get('/api/problems/__proto__')).status).toBe(404);
    expect((await coordinator.get('/api/actions/__proto__')).status).toBe(404);
    expect(
      (await coordinator.post('/api/problems/__proto__/incidents', { incidentId: '__proto__' })).status,
    ).toBe(404);
    const unknown = await coordinator.post('/api/problems', { title: 'Okänd', category: 'finns-inte' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('category');
    const huge = await coordinator.post('/api/problems', { title: 'x'.repeat(201), category: 'x' });
    expect(huge.status).toBe(400);
    const empty = await coordinator.post('/api/problems', { title: '   ', category: 'x' });
    expect(empty.status).toBe(400);
    expect((await coordinator.post('/api/problems', { title: 'x', category: 'x', extra: 1 })).status).toBe(
      400,
    );
    expect((await coordinator.get('/api/actions?status=whatever')).status).toBe(400);
  });

  it('the next week’s lägesbild lists the ongoing actions; only public ones reach the open version', async () => {
    // The second action goes on, but stays internal.
    const internalOnly = await coordinator.patch(`/api/actions/${schoolActionId}`, {
      status: 'ongoing',
      public: false,
    });
    expect(internalOnly.status).toBe(200);
    clock.set(new Date('2026-03-20T10:00:00+01:00'));
    const opened = await coordinator.post('/api/reports', { period: '2026-W11', organisationId: orgs.nvk });
    expect(opened.status).toBe(201);
    await coordinator.post(`/api/reports/${opened.body.id}/incidents`, {
      problem: 'Ny skadegörelse på busskuren',
      category: 'skadegorelse',
      location: 'Åsens torg',
      placeId,
      occurredAt: 'Kvällstid',
      frequency: 'En gång',
      assessment: { severity: 2, scope: 'A' },
      comment: '',
    });
    expect((await coordinator.post(`/api/reports/${opened.body.id}/submit`)).status).toBe(200);
    const compiled = await coordinator.post('/api/lagesbilder', { period: '2026-W11' });
    expect([200, 201]).toContain(compiled.status);

    const internal = await estMember.get('/api/lagesbilder/2026-W11?view=internal');
    expect(internal.status).toBe(200);
    const ids = internal.body.sections.map((section: { id: string }) => section.id);
    expect(ids).toEqual(
      expect.arrayContaining(['ongoing-actions', `action-${nvkActionId}`, `action-${schoolActionId}`]),
    );
    const nvkSection = internal.body.sections.find(
      (section: { id: string }) => section.id === `action-${nvkActionId}`,
    );
    expect(nvkSection.title).toBe('Bättre belysning');
    expect(nvkSection.text).toContain('Senaste uppföljning 2026-03-20 (bättre): Inga nya anmälningar');
    expect(nvkSection.text).toContain('Problem: Skadegörelse vid Åsens torg');

    const open = await coordinator.get('/api/lagesbilder/2026-W11?view=open');
    expect(open.status).toBe(200);
    const openIds = open.body.sections.map((section: { id: string }) => section.id);
    expect(openIds).toContain(`action-${nvkActionId}`);
    expect(openIds).not.toContain(`action-${schoolActionId}`);
  });

  it('the 2026 åtgärdsplan is compiled, approved and published as HTML, JSON and a tagged PDF', async () => {
    expect((await estMember.post('/api/atgardsplaner', { year: 2026 })).status).toBe(403);
    expect((await coordinator.post('/api/atgardsplaner', { year: 1999 })).status).toBe(400);
    const compiled = await coordinator.post('/api/atgardsplaner', { year: 2026 });
    expect(compiled.status).toBe(201);
    const internal = await estMember.get('/api/atgardsplaner/2026?view=internal');
    expect(internal.status).toBe(200);
    const internalText = JSON.stringify(internal.body.sections);
    expect(internalText).toContain('Skadegörelse vid Åsens torg');
    expect(internalText).toContain('Kopplade händelser: 3 under 3 veckor (v08: 1, v09: 1, v10: 1).');
    expect(internalText).toContain('Samtal med eleverna');
    expect(internalText).toContain('Kategori: Skadegörelse. Status: aktivt.');
    expect((await estMember.get('/api/atgardsplaner/2026?view=open')).status).toBe(404);
    expect((await nvkReporter.get('/api/atgardsplaner/2026')).status).toBe(404);
    expect((await anonymous().get('/public/atgardsplaner/2026')).status).toBe(404);
    expect((await coordinator.post('/api/atgardsplaner/2026/publish')).status).toBe(422);
    expect((await estMember.post('/api/atgardsplaner/2026/approve')).status).toBe(403);
    expect((await coordinator.post('/api/atgardsplaner/2026/approve')).status).toBe(200);
    const published = await coordinator.post('/api/atgardsplaner/2026/publish');
    expect(published.status).toBe(202);
    const job = await app.app.get<JobQueue>(JOB_QUEUE).waitUntilSettled(published.body.jobId, 30_000);
    expect(job.state).toBe('completed');
    expect((await coordinator.post('/api/atgardsplaner/2026/publish')).status).toBe(409);
    expect((await coordinator.get('/api/atgardsplaner/2026')).body.status).toBe('published');

    const page = await anonymous().get('/public/atgardsplaner/2026');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('Åtgärdsplan 2026');
    expect(page.body).toContain('Bättre belysning');
    expect(page.body).not.toContain('Samtal med eleverna');
    expect(page.body).not.toContain('Återkommande skadegörelse kvällstid');
    const json = await anonymous().get('/public/atgardsplaner/2026.json');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ year: 2026, view: 'open', status: 'published' });
    const pdf = await fetch(`${app.url}/public/atgardsplaner/2026.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF-1.7')).toBe(true);
    expect(bytes).toContain('/StructTreeRoot');
    expect(bytes).toContain('/Marked true');
    expect((await anonymous().get('/public/atgardsplaner/2025')).status).toBe(404);
    let feed = '';
    for (let attempt = 0; attempt < 50 && !feed.includes('Åtgärdsplan 2026'); attempt++) {
      feed = String((await anonymous().get('/public/feed.atom')).body);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(feed).toContain('/public/atgardsplaner/2026</id>');
    expect((await anonymous().get('/public/atgardsplaner/__proto__')).status).toBe(404);
  });

  it('reminds the owner of what is due and of a missing follow-up, once per action and occasion, into the outbox', async () => {
    expect((await coordinator.get('/api/outbox')).status).toBe(403);
    expect((await nvkReporter.get('/api/outbox')).status).toBe(403);
    // Five days before both actions are due; the ongoing one was last followed up 36 days ago.
    clock.set(new Date('2026-04-25T09:00:00+02:00'));
    const jobs = app.app.get<JobQueue>(JOB_QUEUE);
    const scan = async (id: string) => {
      await jobs.enqueue(SCAN_ACTION_REMINDERS, id, {});
      const settled = await jobs.waitUntilSettled(id, 30_000);
      expect(settled.state).toBe('completed');
    };
    const outbox = async (expected: number) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const answer = await operator.get('/api/outbox?perPage=50');
        expect(answer.status).toBe(200);
        if (answer.body.length >= expected) return answer.body as { recipient: string; subject: string }[];
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the outbox never held ${expected} e-mails`);
    };
    await scan('atgarder-reminders-test-1');
    const mails = await outbox(4);
    expect(mails.every((mail) => mail.recipient === 'nvk.rapportor@example.se')).toBe(true);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'Åtgärden ”Bättre belysning” behöver följas upp',
      'Åtgärden ”Bättre belysning” ska vara klar 2026-04-30',
      'Åtgärden ”Samtal med eleverna” behöver följas upp',
      'Åtgärden ”Samtal med eleverna” ska vara klar 2026-04-30',
    ]);
    // The next day's scan finds the same occasions: nothing new is sent.
    clock.set(new Date('2026-04-26T09:00:00+02:00'));
    await scan('atgarder-reminders-test-2');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await outbox(4)).toHaveLength(4);
  });
});
