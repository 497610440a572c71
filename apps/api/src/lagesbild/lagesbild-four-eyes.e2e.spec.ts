import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../reporting/testing/http-kit.js';

const period = '2024-W48';

describeWith(['postgres'], 'lagesbild approval with four-eyes on', () => {
  let app: TestApp;
  let coordinator: ApiClient;
  let reviewer: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({
      store: 'postgres',
      env: { LAGET_FOUR_EYES: '1' },
      clock: new FixedClock(new Date('2024-11-29T10:00:00+01:00')),
    });
    const admin = await adminClient(app.url);
    const school = await createOrganisation(admin, 'Skolan', 'school');
    const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
    const user = async (username: string, organisationId: string, roles: string[]) =>
      (await createUser(admin, { username, organisationId, roles })).client;
    const reporter = await user('skolan.rapportor', school, ['reporter']);
    coordinator = await user('bf.samordnare', office, ['coordinator']);
    reviewer = await user('granskare', office, ['reviewer']);

    const opened = await reporter.post('/api/reports', { period, organisationId: school });
    await reporter.patch(`/api/reports/${opened.body.id}`, { narrative: 'Anmäld person Åsa Öberg.' });
    expect((await reporter.post(`/api/reports/${opened.body.id}/submit`)).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('the one who redacted may not approve; the reviewer may', async () => {
    // Before the week's deadline (the clock says Friday): confirmed as early.
    expect((await coordinator.post('/api/lagesbilder', { period, confirmEarly: true })).status).toBe(201);
    const [suggestion] = (await coordinator.get(`/api/lagesbilder/${period}/redaction-suggestions`)).body;
    expect(suggestion).toMatchObject({ kind: 'name', text: 'Åsa Öberg' });
    const masked = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      ...suggestion,
      kind: undefined,
      text: undefined,
      suggestionKind: suggestion.kind,
      legalGround: 'GDPR art. 10',
      reason: 'Uppgift om lagöverträdelse',
    });
    expect(masked.status).toBe(201);

    const own = await coordinator.post(`/api/lagesbilder/${period}/approve`, {});
    expect(own.status).toBe(422);
    expect(own.body.message).toMatch(/Four-eyes/);

    const open = await reviewer.get(`/api/lagesbilder/${period}?view=open`);
    expect(open.status).toBe(200);
    expect(JSON.stringify(open.body)).not.toContain('Öberg');
    const stale = await reviewer.post(`/api/lagesbilder/${period}/approve`, { contentHash: 'a'.repeat(64) });
    expect(stale.status).toBe(409);
    const approved = await reviewer.post(`/api/lagesbilder/${period}/approve`, {});
    expect(approved.status).toBe(200);
  });
});
