import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { normalise, pdfText, popplerAvailable } from '../publication/testing/poppler.js';
import { FixedClock } from '../platform/commands/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../reporting/testing/http-kit.js';
import { PublicJsonSchemaCheck } from '../publication/testing/public-json-schema.js';

const period = '2024-W48';
const leftOut = /sexualbrott|sedlighetsbrott/i;

/**
 * Issue 13: excluding the police's "Sexualbrott" row took it out of the table, but the section's
 * generated sentence still said "1 sexualbrott (Sedlighetsbrott)" in the open view, and so on
 * the public page, in its JSON and in its PDF.
 */
describeWith(['postgres'], 'the open version’s generated text, over HTTP', () => {
  let app: TestApp;
  // Monday after the week, past its deadline: the coordinator compiles.
  const clock = new FixedClock(new Date('2024-12-02T10:00:00+01:00'));
  let police: ApiClient;
  let coordinator: ApiClient;
  const anonymous = () => new ApiClient(app.url);

  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres', clock });
    const admin = await adminClient(app.url);
    const policeId = await createOrganisation(admin, 'Polisen', 'police');
    const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
    police = (
      await createUser(admin, {
        username: 'polisen.rapportor',
        organisationId: policeId,
        roles: ['reporter'],
      })
    ).client;
    coordinator = (
      await createUser(admin, { username: 'bf.samordnare', organisationId: office, roles: ['coordinator'] })
    ).client;

    const opened = await police.post('/api/reports', { period, organisationId: policeId });
    expect(opened.status).toBe(201);
    const filled = await police.patch(`/api/reports/${opened.body.id}`, {
      narrative: 'Lugn vecka i centrum.',
      statistics: {
        handelserapporter: 29,
        arenden: 13,
        brott: 21,
        note: 'Huvudsakligen egeninitierat',
        categories: [
          { category: 'bedrageri', count: 2 },
          { category: 'sexualbrott', count: 1, note: 'Sedlighetsbrott' },
        ],
      },
    });
    expect(filled.status).toBe(200);
    expect((await police.post(`/api/reports/${opened.body.id}/submit`)).status).toBe(200);
    expect((await coordinator.post('/api/lagesbilder', { period })).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('leaves an excluded statistics row out of the open sentence, the public page, its JSON and its PDF', async () => {
    const internal = await coordinator.get(`/api/lagesbilder/${period}?view=internal`);
    const statistics = internal.body.sections.find((s: { id: string }) => s.id === 'police-statistics');
    expect(statistics.text).toContain('1 sexualbrott (Sedlighetsbrott)');
    const row = statistics.items.findIndex((item: { key: string }) => item.key === 'sexualbrott');
    const excluded = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      sectionId: 'police-statistics',
      path: `/items/${row}`,
      exclude: true,
      legalGround: 'OSL 18 kap. 1 §',
      reason: 'Uppgiften kan röja en enskild målsägande',
    });
    expect(excluded.status).toBe(201);

    const open = await coordinator.get(`/api/lagesbilder/${period}?view=open`);
    expect(open.status).toBe(200);
    expect(open.body.sections.find((s: { id: string }) => s.id === 'police-statistics').text).toBe(
      '29 händelserapporter, huvudsakligen egeninitierat. 13 ärenden med sammanlagt 21 brott; 2 bedrägeri.',
    );
    expect(JSON.stringify(open.body)).not.toMatch(leftOut);
    // The internal version keeps what the police reported.
    expect(JSON.stringify((await coordinator.get(`/api/lagesbilder/${period}?view=internal`)).body)).toMatch(
      leftOut,
    );

    const approved = await coordinator.post(`/api/lagesbilder/${period}/approve`, {});
    expect(approved.status).toBe(200);
    const published = await coordinator.post(`/api/lagesbilder/${period}/publish`, {});
    expect(published.status).toBe(202);
    const job = await app.app.get<JobQueue>(JOB_QUEUE).waitUntilSettled(published.body.jobId, 60_000);
    expect(job.state).toBe('completed');
    await app.app.get(Projections).waitUntilCaughtUp();

    const page = await anonymous().get(`/public/lagesbilder/${period}`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('2 bedrägeri');
    expect(String(page.body)).not.toMatch(leftOut);
    const json = await anonymous().get(`/public/lagesbilder/${period}.json`);
    expect(json.status).toBe(200);
    (await PublicJsonSchemaCheck.fromServer(app.url)).check(`/public/lagesbilder/${period}.json`, json);
    expect(JSON.stringify(json.body)).toContain('2 bedrägeri');
    expect(JSON.stringify(json.body)).not.toMatch(leftOut);
    const pdf = await fetch(`${app.url}/public/lagesbilder/${period}.pdf`);
    expect(pdf.status).toBe(200);
    if (popplerAvailable()) {
      const text = normalise(pdfText(Buffer.from(await pdf.arrayBuffer())));
      expect(text).toContain('2 bedrägeri');
      expect(text).not.toMatch(leftOut);
    }
    const feed = await anonymous().get('/public/feed.atom');
    expect(String(feed.body)).not.toMatch(leftOut);
  });
});
