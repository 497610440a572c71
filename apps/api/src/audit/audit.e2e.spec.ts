import { type TestApp, startTestApp } from '../../../../test/support/app.js';
import { describeWith } from '../../../../test/support/services.js';
import { adminClient, createOrganisation, createPerson, type Person } from '../identity/test/people.js';
import type { Client } from '../identity/test/http-client.js';
import { formatPeriod, periodContaining } from '../reporting/period.js';

describeWith(['postgres'], 'GET /api/audit', () => {
  let app: TestApp;
  let admin: Client;
  let coordinator: Person;
  let reporter: Person;
  let schoolId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminClient(app.url);
    schoolId = await createOrganisation(admin, 'Skolan', 'school');
    const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
    coordinator = await createPerson(app.url, admin, 'samordnare', office, ['coordinator']);
    reporter = await createPerson(app.url, admin, 'rapportor', schoolId, ['reporter']);
    const opened = await reporter.client.post('/api/reports', {
      period: currentWeek(),
      organisationId: schoolId,
    });
    expect(opened.status).toBe(201);
    const narrative = await reporter.client.patch(`/api/reports/${opened.body.id}`, {
      narrative: 'Hemlig berättelse om en elev',
    });
    expect(narrative.status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows every account change to the admin, newest first, with who and from where', async () => {
    const answer = await admin.get('/api/audit?stream=organisation-' + schoolId);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-total-count')).toBe('1');
    expect(answer.body).toEqual([
      expect.objectContaining({
        type: 'OrganisationRegistered',
        streamId: `organisation-${schoolId}`,
        data: expect.anything(),
      }),
    ]);
    const all = await admin.get('/api/audit?perPage=1000');
    const positions = (all.body as { position: number }[]).map((entry) => entry.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
  });

  it('hides report contents from an admin but shows them to the coordinator', async () => {
    const asAdmin = await admin.get(`/api/audit?actor=${reporter.id}&perPage=100`);
    const reportEvents = (asAdmin.body as { streamKind: string; data?: unknown }[]).filter(
      (e) => e.streamKind === 'report',
    );
    expect(reportEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify(asAdmin.body)).not.toContain('Hemlig berättelse');
    for (const event of reportEvents) expect(event).not.toHaveProperty('data');

    const asCoordinator = await coordinator.client.get(`/api/audit?actor=${reporter.id}&perPage=100`);
    expect(asCoordinator.status).toBe(200);
    expect(JSON.stringify(asCoordinator.body)).toContain('Hemlig berättelse');
  });

  it('refuses roles without the right, and answers bad filters with 400 naming the field', async () => {
    expect((await reporter.client.get('/api/audit')).status).toBe(403);
    const bad = await admin.get('/api/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'query.from' })]);
    expect((await admin.get('/api/audit?unknown=1')).status).toBe(400);
  });
});

const currentWeek = () => formatPeriod(periodContaining(new Date()));
