import { describeOnStores, startTestApp, type TestApp } from '../../../../../test/support/app.js';
import { FixedClock } from '../../platform/commands/clock.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../../platform/platform.tokens.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../../reporting/testing/http-kit.js';

/**
 * The åtgärdsplan "as for lägesbilder" (CONTRACT.md): with four eyes on, someone other than its
 * compiler approves it; a published plan is corrected (compiled, approved and published again with
 * what and why) and retracted with a reason, after which the public site has no trace of it.
 */
describeOnStores(['pglite'], 'the åtgärdsplan under four eyes, corrected and retracted', (store) => {
  let app: TestApp;
  const clock = new FixedClock(new Date('2026-03-20T10:00:00+01:00'));
  let coordinator: ApiClient;
  let reviewer: ApiClient;
  let estMember: ApiClient;
  let reporter: ApiClient;
  let actionId: string;
  const anonymous = () => new ApiClient(app.url);
  const LEAKED = 'Samtal med Kalle Karlsson om skadegörelsen';
  const FIXED = 'Samtal med eleven om skadegörelsen';

  beforeAll(async () => {
    app = await startTestApp({ store, clock, env: { LAGET_FOUR_EYES: '1' } });
    const admin = await adminClient(app.url);
    const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
    const school = await createOrganisation(admin, 'Skolan', 'school');
    const user = async (username: string, organisationId: string, roles: string[]) =>
      (await createUser(admin, { username, organisationId, roles })).client;
    coordinator = await user('bf.samordnare', office, ['coordinator']);
    reviewer = await user('granskare', office, ['reviewer']);
    estMember = await user('est.medlem', school, ['est_member']);
    reporter = await user('skolan.rapportor', school, ['reporter']);
    const problem = await coordinator.post('/api/problems', {
      title: 'Skadegörelse vid skolan',
      category: 'skadegorelse',
      placeIds: [],
      description: 'Intern beskrivning',
    });
    expect(problem.status).toBe(201);
    const action = await coordinator.post('/api/actions', {
      problemId: problem.body.id,
      title: LEAKED,
      ownerOrganisationId: school,
      startsOn: '2026-03-23',
      dueOn: '2026-05-29',
      public: true,
    });
    expect(action.status).toBe(201);
    actionId = action.body.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const publish = async (body: unknown = {}) => {
    const asked = await coordinator.post('/api/atgardsplaner/2026/publish', body);
    expect(asked.status).toBe(202);
    const job = await app.app.get<JobQueue>(JOB_QUEUE).waitUntilSettled(asked.body.jobId, 30_000);
    expect(job.state).toBe('completed');
  };
  const approveAsReviewer = async () => {
    const read = await reviewer.get('/api/atgardsplaner/2026?view=open');
    expect(read.status).toBe(200);
    const approved = await reviewer.post('/api/atgardsplaner/2026/approve', {
      contentHash: read.body.contentHash,
    });
    expect(approved.status).toBe(200);
  };
  const feedHas = async (text: string) =>
    String((await anonymous().get('/public/feed.atom')).body).includes(text);

  it('someone other than the compiler approves; the approver approves what was read', async () => {
    expect((await coordinator.post('/api/atgardsplaner', { year: 2026 })).status).toBe(201);
    const own = await coordinator.post('/api/atgardsplaner/2026/approve');
    expect(own.status).toBe(422);
    expect(own.body.message).toContain('Fyraögonsprincipen');
    expect((await estMember.post('/api/atgardsplaner/2026/approve')).status).toBe(403);
    expect((await reporter.post('/api/atgardsplaner/2026/approve')).status).toBe(403);
    const stale = await reviewer.post('/api/atgardsplaner/2026/approve', { contentHash: '0'.repeat(64) });
    expect(stale.status).toBe(409);
    const bad = await reviewer.post('/api/atgardsplaner/2026/approve', { contentHash: 'x', extra: 1 });
    expect(bad.status).toBe(400);
    // A reviewer compares the two versions but compiles, publishes and retracts nothing.
    expect((await reviewer.get('/api/atgardsplaner/2026?view=internal')).status).toBe(200);
    expect((await reviewer.post('/api/atgardsplaner', { year: 2026 })).status).toBe(403);
    await approveAsReviewer();
    expect((await reviewer.post('/api/atgardsplaner/2026/publish')).status).toBe(403);
    await publish();
    expect((await anonymous().get('/public/atgardsplaner/2026')).body).toContain(LEAKED);
  });

  it('a correction is prepared while the public reads the published plan, and published with what and why', async () => {
    const edited = await coordinator.patch(`/api/actions/${actionId}`, { title: FIXED });
    expect(edited.status).toBe(200);
    expect((await coordinator.post('/api/atgardsplaner', { year: 2026 })).status).toBe(201);
    const page = await anonymous().get('/public/atgardsplaner/2026');
    expect(page.body).toContain(LEAKED);
    expect(page.body).not.toContain(FIXED);

    await approveAsReviewer();
    const unexplained = await coordinator.post('/api/atgardsplaner/2026/publish');
    expect(unexplained.status).toBe(422);
    const empty = await coordinator.post('/api/atgardsplaner/2026/publish', {
      correction: { what: '', why: 'x' },
    });
    expect(empty.status).toBe(400);
    const hostile = await coordinator.post('/api/atgardsplaner/2026/publish', {
      correction: { what: 'Namn\u0000', why: '\uD800' },
    });
    expect(hostile.status).toBe(400);
    clock.set(new Date('2026-03-23T09:00:00+01:00'));
    await publish({
      correction: { what: 'Ett namn togs bort ur en åtgärd', why: 'Personuppgift i öppen version' },
    });

    const corrected = await anonymous().get('/public/atgardsplaner/2026');
    expect(corrected.body).toContain(FIXED);
    expect(corrected.body).not.toContain(LEAKED);
    expect(corrected.body).toContain('Rättad 2026-03-23: Ett namn togs bort ur en åtgärd');
    const json = await anonymous().get('/public/atgardsplaner/2026.json');
    expect(json.body).toMatchObject({
      status: 'published',
      revision: 2,
      corrections: [{ what: 'Ett namn togs bort ur en åtgärd', why: 'Personuppgift i öppen version' }],
      retraction: null,
    });
    expect(JSON.stringify(json.body)).not.toContain(LEAKED);
  });

  it('a retraction takes the page, JSON, PDF and feed entry away; its reason stays internal', async () => {
    for (let attempt = 0; attempt < 50 && !(await feedHas('Åtgärdsplan 2026')); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await feedHas('Åtgärdsplan 2026')).toBe(true);
    for (const client of [reviewer, estMember, reporter]) {
      expect((await client.post('/api/atgardsplaner/2026/retract', { reason: 'Fel' })).status).toBe(403);
    }
    expect((await coordinator.post('/api/atgardsplaner/2026/retract', {})).status).toBe(400);
    const retracted = await coordinator.post('/api/atgardsplaner/2026/retract', {
      reason: 'Planen ska göras om efter EST-mötet',
    });
    expect(retracted.status).toBe(200);
    expect(retracted.body).toMatchObject({
      status: 'retracted',
      retraction: { reason: 'Planen ska göras om efter EST-mötet' },
    });
    for (const file of ['2026', '2026.json', '2026.pdf']) {
      expect((await anonymous().get(`/public/atgardsplaner/${file}`)).status).toBe(404);
    }
    for (let attempt = 0; attempt < 50 && (await feedHas('Åtgärdsplan 2026')); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await feedHas('Åtgärdsplan 2026')).toBe(false);
    expect((await coordinator.post('/api/atgardsplaner/2026/retract', { reason: 'Igen' })).status).toBe(409);
    expect((await reviewer.post('/api/atgardsplaner/2026/approve')).status).toBe(409);
    expect((await estMember.get('/api/atgardsplaner/2026?view=internal')).body.status).toBe('retracted');
  });
});
