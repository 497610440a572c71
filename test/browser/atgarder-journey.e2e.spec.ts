import type { Page } from 'playwright-core';
import { describeWith } from '../support/services.js';
import { launchBrowser, type Browser } from './browser-kit.js';
import type { Session } from './http-kit.js';
import {
  coordinatorPassword,
  journeyScreens,
  logInInBrowser,
  reporterPassword,
  startWithOffices,
  stepTimeout,
  type Offices,
} from './lagesbild-kit.js';

const day = (offsetDays: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

/**
 * Problems and actions in the browser (issue 19): the coordinator's problem page with its
 * incidents, a suggestion linked with one click, the actions and their timeline; the school's
 * reporter sees the action its organisation owns on the start page and adds a follow-up.
 * The scene (a place, a week's report, a problem and an action) is set over HTTP.
 */
describeWith(['postgres', 'redis', 'chromium'], 'åtgärder journey in the browser', () => {
  let offices: Offices;
  let coordinator: Session;
  let browser: Browser;
  let page: Page;
  let problemId: string;
  let actionId: string;
  const { screen, noViolationsStep } = journeyScreens(() => page);

  beforeAll(async () => {
    offices = await startWithOffices({ coordinatorPassword });
    const { app, reporter, schoolId } = offices;
    const { logIn } = await import('./http-kit.js');
    coordinator = await logIn(app.url, 'bf.samordnare', coordinatorPassword);
    const place = await coordinator.expect<{ id: string }>(201, 'POST', '/api/places', {
      name: 'Åsens torg',
      kind: 'square',
    });
    const week = (await coordinator.expect<{ id: string }[]>(200, 'GET', '/api/periods?perPage=1'))[0]!.id;
    const report = await reporter.expect<{ id: string }>(201, 'POST', '/api/reports', {
      period: week,
      organisationId: schoolId,
    });
    const incidents: string[] = [];
    for (const problem of ['Krossad ruta i busskuren', 'Klotter på torgets bänkar']) {
      const added = await reporter.expect<{ id: string }>(
        201,
        'POST',
        `/api/reports/${report.id}/incidents`,
        {
          problem,
          category: 'skadegorelse',
          location: 'Åsens torg',
          placeId: place.id,
          occurredAt: 'fredag kväll',
          frequency: 'varje vecka',
          assessment: { severity: 3, scope: 'A' },
          comment: '',
        },
      );
      incidents.push(added.id);
    }
    await reporter.expect(200, 'POST', `/api/reports/${report.id}/submit`, {});
    const problem = await coordinator.expect<{ id: string }>(201, 'POST', '/api/problems', {
      title: 'Skadegörelse vid Åsens torg',
      category: 'skadegorelse',
      placeIds: [place.id],
      description: 'Återkommande skadegörelse kvällstid runt torget och busskuren.',
    });
    problemId = problem.id;
    await coordinator.expect(200, 'POST', `/api/problems/${problemId}/incidents`, {
      incidentId: incidents[0],
    });
    const action = await coordinator.expect<{ id: string }>(201, 'POST', '/api/actions', {
      problemId,
      title: 'Trygghetsvandring med eleverna',
      description: 'Elevrådet och fältassistenterna går runt torget en kväll.',
      ownerOrganisationId: schoolId,
      startsOn: day(-14),
      dueOn: day(5),
      status: 'ongoing',
    });
    actionId = action.id;
    await coordinator.expect(201, 'POST', '/api/actions', {
      problemId,
      title: 'Bättre belysning vid busskuren',
      ownerOrganisationId: offices.officeId,
      startsOn: day(-7),
      dueOn: day(40),
    });
    browser = await launchBrowser();
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await offices?.app.close();
  });

  it(
    'shows the coordinator a problem with its incidents, actions and timeline, and links a suggestion',
    async () => {
      await logInInBrowser(page, offices.app.url, 'bf.samordnare', coordinatorPassword);
      await page.getByRole('heading', { name: /Hej/ }).waitFor();
      await page.goto(`${offices.app.url}/#/problems`);
      await page.getByText('Skadegörelse vid Åsens torg').click();
      await page.getByRole('heading', { name: 'Kopplade händelser' }).waitFor();
      await page
        .getByRole('table', { name: 'Kopplade händelser' })
        .getByText('Krossad ruta i busskuren')
        .waitFor();
      const suggestions = page.getByRole('table', { name: /Förslag/ });
      await suggestions.getByText('Klotter på torgets bänkar').waitFor();
      await page.getByText('Trygghetsvandring med eleverna').first().waitFor();
      await page
        .getByRole('list', { name: 'Tidslinje' })
        .getByText(/Startar: Trygghetsvandring/)
        .waitFor();
      await screen('60-problem-page');
      await suggestions.getByRole('button', { name: 'Koppla' }).click();
      await page
        .getByRole('table', { name: 'Kopplade händelser' })
        .getByText('Klotter på torgets bänkar')
        .waitFor();
      await page.getByText('Läget hittar inga fler liknande händelser.').waitFor();
      await screen('61-problem-linked');
    },
    stepTimeout,
  );

  it(
    'compiles, approves and publishes the year’s åtgärdsplan',
    async () => {
      await page.goto(`${offices.app.url}/#/atgardsplan`);
      await page.getByText('Åtgärdsplanen för året är inte sammanställd än.').waitFor();
      await page.getByRole('button', { name: 'Sammanställ' }).click();
      await page.getByRole('heading', { name: 'Varför: problemen' }).waitFor();
      await page.getByRole('heading', { name: 'Skadegörelse vid Åsens torg' }).waitFor();
      await page.getByRole('button', { name: 'Godkänn öppen version' }).click();
      await page.getByText('Godkänd', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Publicera' }).click();
      await page.getByRole('link', { name: 'Visa den publicerade sidan' }).waitFor();
      await page.getByRole('button', { name: 'Öppen version', exact: true }).click();
      await page.getByRole('heading', { name: 'Hur åtgärderna följs upp' }).waitFor();
      await screen('64-atgardsplan');
    },
    stepTimeout,
  );

  it(
    'shows the school’s reporter the action it owns, due soon, and takes a follow-up',
    async () => {
      await browser.close();
      browser = await launchBrowser();
      page = browser.page;
      await logInInBrowser(page, offices.app.url, 'skolan.rapportor', reporterPassword);
      const own = page.getByRole('region', { name: 'Er organisations åtgärder' });
      await own.getByText('Trygghetsvandring med eleverna').waitFor();
      await own.getByText('Ska vara klar inom 7 dagar').waitFor();
      expect(await own.getByText('Bättre belysning vid busskuren').count()).toBe(0);
      await screen('62-reporter-own-actions');
      await own.getByText('Trygghetsvandring med eleverna').click();
      await page.getByRole('heading', { name: 'Uppföljningar' }).waitFor();
      await page.getByLabel('Effekt').click();
      await page.getByRole('option', { name: 'Bättre' }).click();
      await page
        .getByLabel('Vad har hänt?')
        .fill('Eleverna kände sig tryggare; inget nytt klotter sedan vandringen.');
      await page.getByRole('button', { name: 'Lägg till uppföljning' }).click();
      await page.getByText('Uppföljningen är sparad').waitFor();
      await page.getByText('Eleverna kände sig tryggare; inget nytt klotter sedan vandringen.').waitFor();
      await screen('63-reporter-follow-up');
      const saved = await coordinator.expect<{ followUps: { effect: string }[] }>(
        200,
        'GET',
        `/api/actions/${actionId}`,
      );
      expect(saved.followUps.map((f) => f.effect)).toEqual(['better']);
      expect(problemId).toBeDefined();
    },
    stepTimeout,
  );

  noViolationsStep();
});
