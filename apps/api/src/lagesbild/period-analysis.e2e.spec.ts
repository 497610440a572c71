import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import { axeViolations, openTestBrowser } from '../publication/testing/chromium.js';
import {
  findAll,
  normalise,
  pdfStructure,
  popplerAvailable,
  structText,
} from '../publication/testing/poppler.js';
import { PublicJsonSchemaCheck } from '../publication/testing/public-json-schema.js';
import { ApiClient, adminClient, createOrganisation, createUser } from '../reporting/testing/http-kit.js';

/*
 * Issue 18, points 4 and 5 end to end: the weeks of November 2024 are reported (one week without
 * any report), a month analysis is compiled from them, an incident is left out of the open
 * version, the coordinator writes the analysis, approves and publishes; the public page and PDF
 * carry the charts with their alt text, and the left-out incident is counted in neither.
 */
const month = '2024-11';
// November 2024 by Thursday: weeks 45–48. Week 46 gets no report: a gap, not a zero.
const reportedWeeks = ['2024-W45', '2024-W47', '2024-W48'];
const secretPlace = 'Järnvägsparken bakom stationshuset';
const artifacts = join(dirname(fileURLToPath(import.meta.url)), '../../../../test-artifacts/analysis');

describeWith(
  ['postgres', 'chromium'],
  'a month analysis over HTTP, from compile to the public page and PDF',
  () => {
    let app: TestApp;
    const clock = new FixedClock(new Date('2024-12-02T10:00:00+01:00'));
    let coordinator: ApiClient;
    let schoolId: string;
    let policeId: string;
    const anonymous = () => new ApiClient(app.url);

    async function fileReport(
      organisationId: string,
      period: string,
      incidents: object[],
      statistics?: object,
    ) {
      const opened = await coordinator.post('/api/reports', { period, organisationId });
      expect(opened.status).toBe(201);
      for (const incident of incidents) {
        expect((await coordinator.post(`/api/reports/${opened.body.id}/incidents`, incident)).status).toBe(
          201,
        );
      }
      const narrative = await coordinator.patch(`/api/reports/${opened.body.id}`, {
        narrative: 'Inget särskilt.',
        ...(statistics ? { statistics } : {}),
      });
      expect(narrative.status).toBe(200);
      expect((await coordinator.post(`/api/reports/${opened.body.id}/submit`)).status).toBe(200);
    }

    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      app = await startTestApp({
        store: 'postgres',
        clock,
        env: { LAGET_MUNICIPALITY_NAME: 'Norbergs kommun' },
      });
      const admin = await adminClient(app.url);
      schoolId = await createOrganisation(admin, 'Skolan', 'school');
      policeId = await createOrganisation(admin, 'Polisen', 'police');
      const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
      coordinator = (
        await createUser(admin, { username: 'bf.samordnare', organisationId: office, roles: ['coordinator'] })
      ).client;
      // The configured categories (issue 18 point 1), with their labels.
      const categories = await coordinator.get('/api/incident-categories');
      expect(categories.body).toEqual(
        expect.arrayContaining([
          { key: 'skadegorelse', label: 'Skadegörelse' },
          { key: 'narkotika', label: 'Narkotika' },
        ]),
      );
      const incident = (n: number, location: string, category = 'skadegorelse') => ({
        problem: `Skadegörelse på cykelställ, nummer ${n}`,
        location,
        occurredAt: 'Helger',
        frequency: 'Enstaka gånger',
        assessment: { severity: 2, scope: 'E' },
        comment: 'Följs upp.',
        category,
      });
      let n = 0;
      for (const week of reportedWeeks) {
        const incidents = [
          incident(++n, 'Torget'),
          incident(++n, 'Torget'),
          incident(++n, 'Skolgården', week === '2024-W47' ? 'nedskrapning' : 'klotter'),
        ];
        // The one narkotika incident of the month: left out of the open version below.
        if (week === '2024-W47') incidents.push(incident(++n, secretPlace, 'narkotika'));
        await fileReport(schoolId, week, incidents);
        await fileReport(policeId, week, [], { handelserapporter: 10, arenden: 4, brott: 5 });
      }
      // October, for the comparison with the previous period.
      await fileReport(schoolId, '2024-W42', [incident(n + 1, 'Torget')]);
    }, 240_000);

    afterAll(async () => {
      await app?.close();
    });

    it('compiles, leaves an incident out, is approved and published with charts in HTML and PDF', async () => {
      for (const period of ['2024-13', '2024-T4', '__proto__', '2024-W11x', '\u0000']) {
        expect([period, (await coordinator.post('/api/lagesbilder', { period })).status]).toEqual([
          period,
          400,
        ]);
      }
      expect((await coordinator.get('/api/lagesbilder/__proto__')).status).toBe(400);
      expect((await coordinator.get('/api/lagesbilder/2024-T4')).status).toBe(400);
      // Week 45 is compiled first and its klotter incident left out of the week's open version.
      const week45 = await coordinator.post('/api/lagesbilder', { period: '2024-W45' });
      expect(week45.status).toBe(201);
      const week45Items = week45.body.sections.find((s: { id: string }) => s.id === 'incidents').items;
      const klotter = week45Items.findIndex((item: { category: string }) => item.category === 'klotter');
      expect(
        (
          await coordinator.post('/api/lagesbilder/2024-W45/redactions', {
            sectionId: 'incidents',
            path: `/items/${klotter}`,
            exclude: true,
            legalGround: 'OSL 26 kap. 1 §',
            reason: 'Kan peka ut en elev',
          })
        ).status,
      ).toBe(201);
      // …and the place of one of its Torget incidents masked there.
      const torget = week45Items.findIndex((item: { location: string }) => item.location === 'Torget');
      expect(
        (
          await coordinator.post('/api/lagesbilder/2024-W45/redactions', {
            sectionId: 'incidents',
            path: `/items/${torget}/location`,
            start: 0,
            end: 'Torget'.length,
            legalGround: 'OSL 26 kap. 1 §',
            reason: 'Platsen kan peka ut den drabbade',
          })
        ).status,
      ).toBe(201);
      // Before compile, the draft shows the month as it would be compiled now.
      const draft = await coordinator.get(`/api/lagesbilder/${month}?view=draft`);
      expect(draft.status).toBe(200);
      expect(draft.body.sections.find((s: { id: string }) => s.id === 'incidents').items).toHaveLength(10);
      expect(draft.body.sections.map((s: { title: string }) => s.title)).toContain('Samordnarens analys');
      const compiled = await coordinator.post('/api/lagesbilder', { period: month });
      expect(compiled.status).toBe(201);
      expect(compiled.body).toMatchObject({ id: month, period: month, status: 'compiled' });
      const titles = compiled.body.sections.map((s: { title: string }) => s.title);
      expect(titles).toEqual(expect.arrayContaining(['Samordnarens analys', 'EST-gruppens slutsatser']));
      const incidents = compiled.body.sections.find((s: { id: string }) => s.id === 'incidents');
      expect(incidents.items).toHaveLength(10);
      expect(incidents.text).toBe('Underlag: inskickade rapporter för 2024-W45, 2024-W47, 2024-W48.');
      const police = compiled.body.sections.find((s: { id: string }) => s.id === 'police-statistics');
      expect(police.items.find((row: { key: string }) => row.key === 'handelserapporter').count).toBe(30);
      expect(compiled.body.sections.find((s: { id: string }) => s.id === 'previous-period')?.title).toBe(
        'Föregående period (2024-10)',
      );

      // What week 45 kept out stays out of the month's open version: the incident it left out and
      // the place it masked, each a recorded redaction of the analysis.
      const redactions = await coordinator.get(`/api/lagesbilder/${month}/redactions`);
      expect(redactions.body).toEqual([
        expect.objectContaining({
          kind: 'exclude',
          sectionId: 'incidents',
          legalGround: 'OSL 26 kap. 1 §',
          reason: 'Utelämnad ur den öppna versionen av 2024-W45: Kan peka ut en elev',
        }),
        expect.objectContaining({
          kind: 'mask',
          sectionId: 'incidents',
          legalGround: 'OSL 26 kap. 1 §',
          reason: 'Maskerad i den öppna versionen av 2024-W45: Platsen kan peka ut den drabbade',
        }),
      ]);
      const index = incidents.items.findIndex((item: { location: string }) => item.location === secretPlace);
      expect(incidents.items[index]).toMatchObject({
        period: '2024-W47',
        category: 'narkotika',
        categoryLabel: 'Narkotika',
      });
      const excluded = await coordinator.post(`/api/lagesbilder/${month}/redactions`, {
        sectionId: 'incidents',
        path: `/items/${index}`,
        exclude: true,
        legalGround: 'OSL 18 kap. 1 §',
        reason: 'Platsen kan röja en pågående utredning',
      });
      expect(excluded.status).toBe(201);
      for (const [sectionId, text] of [
        ['coordinator-report', 'Skadegörelsen vid torget håller i sig under hela månaden.'],
        ['conclusions', 'EST-gruppen följer upp med fastighetsägaren.'],
      ]) {
        const version = (await coordinator.get(`/api/lagesbilder/${month}`)).body.version;
        const edited = await coordinator.patch(
          `/api/lagesbilder/${month}/sections/${sectionId}`,
          { text },
          { 'if-match': String(version) },
        );
        expect(edited.status).toBe(200);
      }
      const suggestions = await coordinator.get(`/api/lagesbilder/${month}/redaction-suggestions`);
      for (const s of suggestions.body as Array<{
        sectionId: string;
        path: string;
        start: number;
        end: number;
        kind: string;
      }>) {
        const dismissed = await coordinator.post(`/api/lagesbilder/${month}/redaction-suggestions/dismiss`, {
          sectionId: s.sectionId,
          path: s.path,
          start: s.start,
          end: s.end,
          kind: s.kind,
          reason: 'Ingen personuppgift',
        });
        expect(dismissed.status).toBeLessThan(300);
      }
      expect((await coordinator.post(`/api/lagesbilder/${month}/approve`, {})).status).toBe(200);
      const published = await coordinator.post(`/api/lagesbilder/${month}/publish`, {});
      expect(published.status).toBe(202);
      const job = await app.app.get<JobQueue>(JOB_QUEUE).waitUntilSettled(published.body.jobId, 60_000);
      expect(job.state).toBe('completed');
      await app.app.get(Projections).waitUntilCaughtUp();

      // The public page: figures with role img and alt text computed from the open version (6 kept incidents).
      const page = await anonymous().get(`/public/lagesbilder/${month}`);
      expect(page.status).toBe(200);
      const html = String(page.body);
      expect(html).toContain('november 2024');
      expect(html.match(/<figure /g)?.length).toBeGreaterThanOrEqual(6);
      expect(html).toContain(
        'role="img" aria-label="Alla kategorier: 2 händelser v45, saknas v46, 3 v47, 3 v48."',
      );
      expect(html).toContain(
        'aria-label="Skadegörelse: 2 händelser v45, saknas v46, 2 v47, 2 v48; Klotter: 0 händelser v45, saknas v46, 0 v47, 1 v48; Nedskräpning: 0 händelser v45, saknas v46, 1 v47, 0 v48."',
      );
      expect(html).not.toContain('Järnvägsparken');
      expect(html).not.toContain('Narkotika');
      const json = await anonymous().get(`/public/lagesbilder/${month}.json`);
      expect(json.status).toBe(200);
      (await PublicJsonSchemaCheck.fromServer(app.url)).check(`/public/lagesbilder/${month}.json`, json);
      expect(JSON.stringify(json.body)).not.toContain('Järnvägsparken');
      // The open analysis publishes what the rows add up to, not the weeks' prose again.
      const openRows = json.body.document.sections.find((s: { id: string }) => s.id === 'incidents').items;
      expect(openRows).toHaveLength(8);
      // The place week 45 masked is masked here too; every other Torget row still says where.
      expect(openRows.map((row: { location: string }) => row.location).sort()).toEqual([
        'Skolgården',
        'Skolgården',
        'Torget',
        'Torget',
        'Torget',
        'Torget',
        'Torget',
        '[maskerat]',
      ]);
      expect(
        openRows.every(
          (row: { problem: string; comment: string }) => row.problem === '' && row.comment === '',
        ),
      ).toBe(true);

      const browser = await openTestBrowser({ javaScriptEnabled: true });
      try {
        const tab = await browser.context.newPage();
        await tab.setViewportSize({ width: 1280, height: 900 });
        await tab.setContent(html);
        expect(await axeViolations(tab)).toEqual([]);
        // The README's picture (docs/screenshots/README.md).
        await tab.screenshot({
          path: join(artifacts, 'public-analysis.png'),
          clip: { x: 0, y: 0, width: 1280, height: 1500 },
        });
      } finally {
        await browser.close();
      }

      // The PDF: each chart a Figure with Alt, its caption saying the same in words.
      const pdf = Buffer.from(
        await (await fetch(`${app.url}/public/lagesbilder/${month}.pdf`)).arrayBuffer(),
      );
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(join(artifacts, 'month-analysis.pdf'), pdf);
      expect(pdf.includes(Buffer.from('/S /Figure'))).toBe(true);
      expect(pdf.includes(Buffer.from('/Alt ('))).toBe(true);
      if (popplerAvailable()) {
        const root = pdfStructure(pdf);
        expect(findAll(root, 'Figure').length).toBeGreaterThanOrEqual(6);
        const captions = findAll(root, 'Caption').map((c) => normalise(structText(c)));
        expect(captions).toContain(
          'Alla händelser per veckaAlla kategorier: 2 händelser v45, saknas v46, 3 v47, 3 v48.',
        );
        expect(normalise(structText(root))).not.toContain('Järnvägsparken');
      }
    });

    it('links the month analysis from the månadsmöte’s week (week 48: its meeting on 2 December is December’s first)', async () => {
      const week = '2024-W48';
      expect((await coordinator.post('/api/lagesbilder', { period: week })).status).toBe(201);
      const internal = await coordinator.get(`/api/lagesbilder/${week}`);
      expect(internal.body.monthAnalysis).toBe(month);
      expect((await coordinator.get(`/api/lagesbilder/${month}`)).body.monthAnalysis).toBeUndefined();
      expect((await coordinator.post(`/api/lagesbilder/${week}/approve`, {})).status).toBe(200);
      const published = await coordinator.post(`/api/lagesbilder/${week}/publish`, {});
      const job = await app.app.get<JobQueue>(JOB_QUEUE).waitUntilSettled(published.body.jobId, 60_000);
      expect(job.state).toBe('completed');
      await app.app.get(Projections).waitUntilCaughtUp();
      const page = String((await anonymous().get(`/public/lagesbilder/${week}`)).body);
      expect(page).toMatch(
        new RegExp(
          `Månadsmötets analys:\\s*<a href="[^"]*/public/lagesbilder/${month}">Lägesbild november 2024</a>`,
        ),
      );
    });
  },
);
