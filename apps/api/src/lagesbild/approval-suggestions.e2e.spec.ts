import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../reporting/testing/http-kit.js';

const period = '2024-W48';
const person = 'Kalle Andersson';

/**
 * Issue 13: the open version could be approved and published while Läget still suggested names
 * in it; a mask on one occurrence left the same name unmasked in another organisation's report,
 * and it was published. Here the same week is played over HTTP.
 */
describeWith(['postgres'], 'approval waits for every suggestion, over HTTP', () => {
  let app: TestApp;
  const clock = new FixedClock(new Date('2024-12-02T10:00:00+01:00'));
  let coordinator: ApiClient;
  let sections: { police: string; school: string; business: string };
  const anonymous = () => new ApiClient(app.url);
  const approve = () => coordinator.post(`/api/lagesbilder/${period}/approve`, {});

  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres', clock });
    const admin = await adminClient(app.url);
    const organisations = {
      police: await createOrganisation(admin, 'Polisen', 'police'),
      school: await createOrganisation(admin, 'Skolan', 'school'),
      business: await createOrganisation(admin, 'Erik Johansson Bygg', 'business'),
      office: await createOrganisation(admin, 'BF-samordnaren', 'coordinator'),
    };
    sections = {
      police: `org-${organisations.police}`,
      school: `org-${organisations.school}`,
      business: `org-${organisations.business}`,
    };
    coordinator = (
      await createUser(admin, {
        username: 'bf.samordnare',
        organisationId: organisations.office,
        roles: ['coordinator'],
      })
    ).client;
    expect(
      (await coordinator.post('/api/places', { name: 'Frida Hansdotter Arena', kind: 'sports_facility' }))
        .status,
    ).toBe(201);
    const narratives: Array<[keyof typeof sections, string]> = [
      ['police', `${person} greps efter bråket vid Frida Hansdotter Arena.`],
      ['school', `Eleverna är oroliga sedan ${person} har synts vid skolan.`],
      ['business', 'Erik Johansson Bygg har fått sitt förråd uppbrutet.'],
    ];
    for (const [key, narrative] of narratives) {
      const reporter = (
        await createUser(admin, {
          username: `${key}.rapportor`,
          organisationId: organisations[key],
          roles: ['reporter'],
        })
      ).client;
      const opened = await reporter.post('/api/reports', { period, organisationId: organisations[key] });
      expect(opened.status).toBe(201);
      expect((await reporter.patch(`/api/reports/${opened.body.id}`, { narrative })).status).toBe(200);
      expect((await reporter.post(`/api/reports/${opened.body.id}/submit`)).status).toBe(200);
    }
    expect((await coordinator.post('/api/lagesbilder', { period })).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('suggests names with an id and their context, never the organisations’ or the register’s names', async () => {
    const suggestions = await coordinator.get(`/api/lagesbilder/${period}/redaction-suggestions`);
    expect(suggestions.status).toBe(200);
    const names = suggestions.body.filter((s: { kind: string }) => s.kind === 'name');
    expect(names).toEqual([
      expect.objectContaining({
        sectionId: sections.police,
        path: '/text',
        text: person,
        id: expect.any(String),
      }),
      expect.objectContaining({ sectionId: sections.school, path: '/text', text: person }),
    ]);
    expect(names[1].context).toBe(`Eleverna är oroliga sedan ${person} har synts vid skolan.`);
  });

  it('a mask on one occurrence leaves the other waiting: approval answers 409 and names it', async () => {
    const police = `${person} greps`;
    const masked = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      sectionId: sections.police,
      path: '/text',
      start: 0,
      end: person.length,
      legalGround: 'GDPR art. 10',
      reason: 'Uppgift om lagöverträdelse',
    });
    expect(masked.status).toBe(201);
    expect(police).toContain(masked.body.text);

    const refused = await approve();
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/förslag på maskering väntar/);
    expect(refused.body.details.unhandledSuggestions).toEqual([
      expect.objectContaining({ sectionId: sections.school, path: '/text', kind: 'name', text: person }),
    ]);
    // The open version indeed still names him in the school's report.
    const open = await coordinator.get(`/api/lagesbilder/${period}?view=open`);
    expect(JSON.stringify(open.body)).toContain(person);
  });

  it('"Maskera alla förekomster" masks every remaining occurrence, each its own recorded redaction', async () => {
    const withoutGround = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      text: person,
      everywhere: true,
      reason: 'Uppgift om lagöverträdelse',
    });
    expect(withoutGround.status).toBe(400);
    expect(JSON.stringify(withoutGround.body)).toContain('legalGround');

    const everywhere = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      text: person,
      everywhere: true,
      legalGround: 'GDPR art. 10',
      reason: 'Pekar ut en enskild',
    });
    expect(everywhere.status).toBe(201);
    expect(everywhere.body.redactions).toEqual([
      expect.objectContaining({
        kind: 'mask',
        sectionId: sections.school,
        path: '/text',
        text: person,
        legalGround: 'GDPR art. 10',
        reason: 'Pekar ut en enskild',
      }),
    ]);
    const again = await coordinator.post(`/api/lagesbilder/${period}/redactions`, {
      text: person,
      everywhere: true,
      legalGround: 'GDPR art. 10',
      reason: 'Pekar ut en enskild',
    });
    expect(again.status).toBe(422);
    const history = await coordinator.get(`/api/lagesbilder/${period}/history`);
    expect(history.body.filter((entry: { type: string }) => entry.type === 'RedactionApplied')).toHaveLength(
      2,
    );
  });

  it('approves once nothing waits, and the public page never names him', async () => {
    const approved = await approve();
    expect(approved.status).toBe(200);
    const published = await coordinator.post(`/api/lagesbilder/${period}/publish`, {});
    expect(published.status).toBe(202);
    expect(
      (await app.app.get<JobQueue>(JOB_QUEUE).waitUntilSettled(published.body.jobId, 60_000)).state,
    ).toBe('completed');
    await app.app.get(Projections).waitUntilCaughtUp();
    const page = await anonymous().get(`/public/lagesbilder/${period}`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('Eleverna är oroliga');
    expect(String(page.body)).not.toContain(person);
    expect(JSON.stringify((await anonymous().get(`/public/lagesbilder/${period}.json`)).body)).not.toContain(
      person,
    );
  });
});
