import type { EventStore } from '@laget/event-store';
import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import { EVENT_STORE } from '../platform/platform.tokens.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../reporting/testing/http-kit.js';

/**
 * Issue 13, bullet 5 and the reporting window of bullet 7, over HTTP on both SQL stores: a
 * compile before the deadline names who has not reported and waits for confirmation; those left
 * out still report for that week until its deadline and are taken in; reporters open only recent
 * weeks.
 */
const stores = [
  { store: 'pglite' as const, services: [] },
  { store: 'postgres' as const, services: ['postgres' as const] },
];

for (const { store, services } of stores) {
  describeWith(services, `early compile over HTTP (${store})`, () => {
    const week = '2024-W48';
    /** 2024-W47's deadline (Monday 25 November 09:00) has passed; 2024-W48's (2 December) has not. */
    const weekGone = '2024-W47';
    // Wednesday of 2024-W48, one of three organisations has reported.
    const clock = new FixedClock(new Date('2024-11-27T10:00:00+01:00'));
    let app: TestApp;
    let coordinator: ApiClient;
    let coordinatorId: string;
    let school: ApiClient;
    let police: ApiClient;
    let social: ApiClient;
    let organisations: Record<'school' | 'police' | 'social' | 'office', string>;

    beforeAll(async () => {
      app = await startTestApp({ store, clock });
      const admin = await adminClient(app.url);
      organisations = {
        school: await createOrganisation(admin, 'Skolan', 'school'),
        police: await createOrganisation(admin, 'Polisen', 'police'),
        social: await createOrganisation(admin, 'Socialtjänsten', 'social_services'),
        office: await createOrganisation(admin, 'BF-samordnaren', 'coordinator'),
      };
      school = (
        await createUser(admin, {
          username: 'skolan',
          organisationId: organisations.school,
          roles: ['reporter'],
        })
      ).client;
      police = (
        await createUser(admin, {
          username: 'polisen',
          organisationId: organisations.police,
          roles: ['reporter'],
        })
      ).client;
      social = (
        await createUser(admin, {
          username: 'socialtjansten',
          organisationId: organisations.social,
          roles: ['reporter'],
        })
      ).client;
      const created = await createUser(admin, {
        username: 'samordnare',
        organisationId: organisations.office,
        roles: ['coordinator'],
      });
      coordinator = created.client;
      coordinatorId = created.id;
    }, 180_000);

    afterAll(async () => {
      await app?.close();
    });

    async function file(reporter: ApiClient, period: string, organisationId: string): Promise<string> {
      const opened = await reporter.post('/api/reports', { period, organisationId });
      expect(opened.status).toBe(201);
      const id = opened.body.id as string;
      expect((await reporter.patch(`/api/reports/${id}`, { narrative: `Veckan ${period}.` })).status).toBe(
        200,
      );
      expect((await reporter.post(`/api/reports/${id}/submit`)).status).toBe(200);
      return id;
    }

    let schoolReportId: string;
    let policeReportId: string;

    it('before the deadline, compile answers 409 naming the organisations that have not reported, and compiles nothing', async () => {
      schoolReportId = await file(school, week, organisations.school);
      const refused = await coordinator.post('/api/lagesbilder', { period: week });
      expect(refused.status).toBe(409);
      expect(refused.body.details).toMatchObject({
        field: 'confirmEarly',
        reportingDeadline: '2024-12-02T09:00:00+01:00',
        missingOrganisations: [
          { id: organisations.police, name: 'Polisen' },
          { id: organisations.social, name: 'Socialtjänsten' },
        ],
      });
      expect(refused.body.message).toMatch(/har inte rapporterat .* have not reported/);
      expect((await coordinator.get(`/api/lagesbilder/${week}?view=internal`)).status).toBe(404);
      expect((await coordinator.post('/api/lagesbilder', { period: week, confirmEarly: 'ja' })).status).toBe(
        400,
      );
    });

    it('with confirmEarly it compiles (201) and records that it was early and who confirmed', async () => {
      const compiled = await coordinator.post('/api/lagesbilder', { period: week, confirmEarly: true });
      expect(compiled.status).toBe(201);
      const history = await coordinator.get(`/api/lagesbilder/${week}/history`);
      const compile = (
        history.body as Array<{ type: string; actorId: string; details: Record<string, unknown> }>
      ).find((entry) => entry.type === 'LagesbildCompiled');
      expect(compile?.actorId).toBe(coordinatorId);
      expect(compile?.details.early).toEqual({
        deadline: '2024-12-02T09:00:00+01:00',
        missingOrganisations: [
          { id: organisations.police, name: 'Polisen' },
          { id: organisations.social, name: 'Socialtjänsten' },
        ],
        confirmedBy: coordinatorId,
      });
      const periods = await police.get('/api/periods?page=1&perPage=12');
      expect(periods.body.find((period: { id: string }) => period.id === week)).toMatchObject({
        status: 'compiled',
        compiledEarly: true,
      });
      expect((await police.get(`/api/periods/${week}`)).body).toMatchObject({ compiledEarly: true });
    });

    it('an organisation left out still files its report for that week, and the coordinator takes it in', async () => {
      policeReportId = await file(police, week, organisations.police);
      expect((await police.get(`/api/reports/${policeReportId}`)).body).toMatchObject({
        period: week,
        status: 'submitted',
        locked: false,
      });
      // The organisation the compile took is locked, as after any compile.
      expect((await school.patch(`/api/reports/${schoolReportId}`, { narrative: 'Ändrat' })).status).toBe(
        403,
      );

      const waiting = await coordinator.get(`/api/lagesbilder/${week}/amendments`);
      expect(waiting.body).toEqual([
        expect.objectContaining({
          reportId: policeReportId,
          organisationId: organisations.police,
          takenVersion: null,
        }),
      ]);
      const taken = await coordinator.post(`/api/lagesbilder/${week}/reports/${policeReportId}/take-in`, {
        reason: 'Sen rapport efter tidig sammanställning',
      });
      expect(taken.status).toBe(200);
      expect(JSON.stringify(taken.body.sections)).toContain('Polisen');
      // Taken in, it is locked like the others.
      expect((await police.patch(`/api/reports/${policeReportId}`, { narrative: 'Ändrat' })).status).toBe(
        403,
      );
      expect((await police.get(`/api/reports/${policeReportId}`)).body.locked).toBe(true);
    });

    it('a report reopened after compile is locked again when its amendment is taken in', async () => {
      const reopened = await coordinator.post(`/api/reports/${schoolReportId}/reopen`, {
        reason: 'Komplettera',
      });
      expect(reopened.status).toBe(200);
      expect(
        (await school.patch(`/api/reports/${schoolReportId}`, { narrative: 'Kompletterad.' })).status,
      ).toBe(200);
      expect((await school.post(`/api/reports/${schoolReportId}/submit`)).status).toBe(200);
      const taken = await coordinator.post(`/api/lagesbilder/${week}/reports/${schoolReportId}/take-in`, {
        reason: 'Komplettering',
      });
      expect(taken.status).toBe(200);
      expect((await school.patch(`/api/reports/${schoolReportId}`, { narrative: 'Igen' })).status).toBe(403);
    });

    it('at the deadline the early compile recorded, the week closes for those still left out, as a week compiled on time does', async () => {
      const opened = await social.post('/api/reports', {
        period: week,
        organisationId: organisations.social,
      });
      expect(opened.status).toBe(201);
      const reportId = opened.body.id as string;
      expect((await social.patch(`/api/reports/${reportId}`, { narrative: 'Utkast.' })).status).toBe(200);
      const wednesday = clock.now();
      clock.set(new Date('2024-12-02T09:01:00+01:00'));
      try {
        expect((await social.patch(`/api/reports/${reportId}`, { narrative: 'För sent.' })).status).toBe(403);
        expect((await social.get(`/api/reports/${reportId}`)).body.locked).toBe(true);
        expect((await social.get(`/api/periods/${week}`)).body).toMatchObject({
          status: 'compiled',
          compiledEarly: false,
        });
        const periods = await social.get('/api/periods?page=1&perPage=12');
        expect(periods.body.find((period: { id: string }) => period.id === week)).toMatchObject({
          compiledEarly: false,
        });
        expect((await social.post(`/api/reports/${reportId}/submit`)).status).toBe(403);
      } finally {
        clock.set(wednesday);
      }
    });

    it('after the deadline it compiles without confirmation, and the week is closed to those who did not report', async () => {
      await file(school, weekGone, organisations.school);
      const compiled = await coordinator.post('/api/lagesbilder', { period: weekGone });
      expect(compiled.status).toBe(201);
      const history = await coordinator.get(`/api/lagesbilder/${weekGone}/history`);
      const compile = history.body.find((entry: { type: string }) => entry.type === 'LagesbildCompiled');
      expect(compile.details).not.toHaveProperty('early');
      expect(
        (await police.post('/api/reports', { period: weekGone, organisationId: organisations.police }))
          .status,
      ).toBe(403);
    });

    it('a reporter opens the running week and four back, never 2000-W10 nor next week; the coordinator any week that has started (recorded)', async () => {
      const old = await police.post('/api/reports', {
        period: '2000-W10',
        organisationId: organisations.police,
      });
      expect(old.status).toBe(422);
      expect(old.body.message).toMatch(/^period: /);
      expect(old.body.message).toMatch(/tidigast 2024-W44/);
      expect(old.body.details).toMatchObject({ field: 'period', earliest: '2024-W44' });
      const next = await police.post('/api/reports', {
        period: '2024-W49',
        organisationId: organisations.police,
      });
      expect(next.status).toBe(422);
      expect(next.body.details).toMatchObject({ field: 'period' });
      expect(
        (await police.post('/api/reports', { period: '2024-W44', organisationId: organisations.police }))
          .status,
      ).toBe(201);

      const byCoordinator = await coordinator.post('/api/reports', {
        period: '2000-W10',
        organisationId: organisations.police,
      });
      expect(byCoordinator.status).toBe(201);
      const events = await app.app.get<EventStore>(EVENT_STORE).readStream(`report-${byCoordinator.body.id}`);
      expect(events[0]).toMatchObject({
        type: 'ReportOpened',
        data: { period: '2000-W10', openedAs: 'coordinator', openedById: coordinatorId },
        metadata: { actorId: coordinatorId },
      });
      expect(
        (await coordinator.post('/api/reports', { period: '2024-W49', organisationId: organisations.police }))
          .status,
      ).toBe(422);
    });
  });
}
