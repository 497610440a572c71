import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { describeWith } from '../support/services.js';
import {
  buildAdminPanel,
  checkScreen,
  launchBrowser,
  screenshot,
  type AxeViolation,
  type Browser,
} from './browser-kit.js';
import { createLogin, logIn, type Session } from './http-kit.js';
import type { JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../../apps/api/src/platform/platform.tokens.js';

/**
 * The admin panel as people use it, in Debian's Chromium against the real API on PostgreSQL and
 * Redis: the administrator sets up an organisation and a reporter, the reporter changes the
 * one-time password and files the week's report, and cannot open another organisation's report
 * by URL. The coordinator keeps the place register and sees on the dashboard what waits
 * (the compiled week's approval, a failed publication). Every main screen is saved as a
 * screenshot and checked with axe-core (WCAG 2.1 AA). The coordinator's lägesbild work is
 * lagesbild-journey.e2e.spec.ts.
 */
/** A browser step on a busy 2-core CI machine: generous, but bounded. */
const stepTimeout = 120_000;

describeWith(['postgres', 'redis', 'chromium'], 'admin panel journey in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let admin: Session;
  const violations: Record<string, AxeViolation[]> = {};
  const reporterPassword = 'korp-ö-stol-lampa-2024';
  const adminPassword = 'granit-älv-fyrtorn-1948';
  let oneTimePassword = '';
  let skolanId = '';

  beforeAll(async () => {
    await buildAdminPanel();
    app = await startTestApp({ store: 'postgres', redis: process.env.LAGET_JOURNEY_IN_PROCESS_JOBS !== '1' });
    browser = await launchBrowser();
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  // Where a step fails, its screen is the first thing to look at.
  afterEach(async () => {
    const name = expect.getState().currentTestName ?? 'step';
    if (page) await screenshot(page, `last-${name.replace(/[^a-zåäö0-9]+/gi, '-').slice(-60)}`);
  });

  async function screen(name: string): Promise<void> {
    violations[name] = await checkScreen(page, name);
  }

  async function logInAs(username: string, password: string): Promise<void> {
    await page.goto(`${app.url}/#/login`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
  }

  async function logOut(): Promise<void> {
    await page.getByRole('button', { name: /^Profil/ }).click();
    await page.getByRole('menuitem', { name: 'Logga ut' }).click();
    await page.locator('#username').waitFor();
  }

  it(
    'shows a Swedish login page',
    async () => {
      await page.goto(app.url);
      await page.getByRole('heading', { name: 'Logga in i Läget' }).waitFor();
      await screen('01-login');
    },
    stepTimeout,
  );

  it(
    'refuses a wrong password in Swedish',
    async () => {
      await logInAs('admin', 'fel-lösenord-helt-och-hållet');
      await page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' }).waitFor();
    },
    stepTimeout,
  );

  async function changeOneTimePassword(current: string, next: string, screenName?: string): Promise<void> {
    await page.getByText('Du loggade in med ett engångslösenord').waitFor();
    if (screenName) await screen(screenName);
    await page.locator('#password-currentPassword').fill(current);
    await page.locator('#password-newPassword').fill(next);
    await page.locator('#password-repeat').fill(next);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
  }

  it(
    'makes the first administrator replace the start password',
    async () => {
      await logInAs('admin', 'test-admin-password-1');
      await changeOneTimePassword('test-admin-password-1', adminPassword, '02-forced-password-change');
      await page.getByRole('heading', { name: /Hej/ }).waitFor();
      await screen('03-admin-dashboard');
      admin = await logIn(app.url, 'admin', adminPassword);
    },
    stepTimeout,
  );

  it(
    'lets the administrator create an organisation',
    async () => {
      await page.goto(`${app.url}/#/organisations/create`);
      await page.getByRole('textbox', { name: /^Namn/ }).fill('Skolan');
      await page.getByRole('combobox', { name: /Typ av aktör/ }).click();
      await page.getByRole('option', { name: 'Skolan' }).click();
      await screen('04-organisation-create');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('cell', { name: 'Skolan' }).first().waitFor();
      await screen('05-organisations');
      const organisations = await admin.expect<{ id: string; name: string }[]>(
        200,
        'GET',
        '/api/organisations',
      );
      skolanId = organisations.find((o) => o.name === 'Skolan')!.id;
    },
    stepTimeout,
  );

  it(
    'lets the administrator create a reporter and shows the one-time password once',
    async () => {
      await page.goto(`${app.url}/#/users/create`);
      await page.getByRole('textbox', { name: /^Användarnamn/ }).fill('skolan.rapportor');
      await page.getByRole('textbox', { name: /^Namn/ }).fill('Sara Skolsson');
      await page.getByRole('textbox', { name: /^E-post/ }).fill('sara@skolan.example');
      await page.getByRole('combobox', { name: /Organisation/ }).click();
      await page.getByRole('option', { name: 'Skolan' }).click();
      await page.getByRole('checkbox', { name: 'Rapportör' }).check();
      await screen('06-user-create');
      await page.getByRole('button', { name: 'Spara' }).click();
      const shown = page.getByTestId('one-time-password');
      await shown.waitFor();
      oneTimePassword = (await shown.textContent())?.trim() ?? '';
      expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
      await screen('07-one-time-password');
      await page.getByRole('button', { name: 'Jag har noterat lösenordet' }).click();
      await page.getByRole('cell', { name: 'skolan.rapportor' }).waitFor();
      expect(await page.getByTestId('one-time-password').count()).toBe(0);
      await screen('08-users');
      await logOut();
    },
    stepTimeout,
  );

  it(
    'makes the reporter choose an own password at first login',
    async () => {
      await logInAs('skolan.rapportor', oneTimePassword);
      await changeOneTimePassword(oneTimePassword, reporterPassword);
      await page.getByRole('heading', { name: /Den här veckan/ }).waitFor();
      await screen('09-reporter-dashboard');
      // What a reporter may not use is not in the menu.
      expect(await page.getByRole('menuitem', { name: /Inloggningar/ }).count()).toBe(0);
    },
    stepTimeout,
  );

  it(
    "lets the reporter file the week's report with two incidents and submit it",
    async () => {
      // One tap: the start page's button opens the draft and lands in the form.
      await page.getByRole('link', { name: 'Börja veckans rapport' }).click();
      await page.locator('#narrative').waitFor();
      await page.locator('#narrative').fill('Lugnt just nu. Enstaka mindre skadegörelse på skolgården.');
      await page.getByRole('status').filter({ hasText: 'Sparat' }).waitFor();

      const incidents = [
        {
          problem: 'Klotter på idrottshallens vägg, Kalle Svensson sågs på platsen',
          location: 'Idrottshallen, Skolgatan 4',
          occurredAt: 'fredag kväll',
          frequency: 'varje vecka',
          severity: '2',
          comment: 'Vaktmästaren nås på 070-174 06 05.',
        },
        {
          problem: 'Skadegörelse på handfat',
          location: 'Inne på toaletten',
          occurredAt: '250107',
          frequency: 'en gång',
          severity: '3',
          comment: 'Söndersparkat vattenlås.',
        },
      ];
      for (const [index, incident] of incidents.entries()) {
        await page.getByRole('button', { name: 'Lägg till händelse' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('#incident-problem').fill(incident.problem);
        await dialog.locator('#incident-category').selectOption({ label: 'Skadegörelse' });
        await dialog.locator('#incident-location').fill(incident.location);
        await dialog.locator('#incident-occurredAt').fill(incident.occurredAt);
        await dialog.locator('#incident-frequency').fill(incident.frequency);
        await dialog.getByRole('radio', { name: new RegExp(`^${incident.severity} `) }).check();
        await dialog.getByRole('radio', { name: /^EA/ }).check();
        await dialog.locator('#incident-comment').fill(incident.comment);
        if (index === 0) await screen('10-incident-form');
        await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
        await page.getByRole('article', { name: incident.problem }).waitFor();
      }
      await screen('11-report-draft');
      await page.getByRole('button', { name: 'Skicka in rapporten' }).click();
      await page.getByText('Rapporten är inskickad. Tack!').first().waitFor();
      await screen('12-report-submitted');
      // The same report on a small phone (360 px): nothing cut off, still no AA violations.
      await page.setViewportSize({ width: 360, height: 740 });
      await screen('12b-report-submitted-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.setViewportSize({ width: 1280, height: 900 });

      const reporter = await logIn(app.url, 'skolan.rapportor', reporterPassword);
      const [listed] = await reporter.expect<{ id: string }[]>(
        200,
        'GET',
        `/api/reports?organisationId=${skolanId}`,
      );
      const report = await reporter.expect<{ status: string; incidents: unknown[] }>(
        200,
        'GET',
        `/api/reports/${listed!.id}`,
      );
      expect(report.status).toBe('submitted');
      expect(report.incidents).toHaveLength(2);
    },
    stepTimeout,
  );

  it(
    "does not show a reporter another organisation's report by URL",
    async () => {
      const polisen = await admin.expect<{ id: string }>(201, 'POST', '/api/organisations', {
        name: 'Polisen',
        kind: 'police',
      });
      const police = await createLogin(
        admin,
        {
          username: 'polisen.rapportor',
          displayName: 'Per Polis',
          organisationId: polisen.id,
          roles: ['reporter'],
        },
        'blå-lykta-på-torget-48',
      );
      const periods = await police.session.expect<{ id: string }[]>(200, 'GET', '/api/periods');
      const secret = 'Hemlig uppgift från polisen som Skolan inte ska se';
      const opened = await police.session.expect<{ id: string; version: number }>(
        201,
        'POST',
        '/api/reports',
        {
          period: periods[0]!.id,
          organisationId: polisen.id,
        },
      );
      await police.session.expect(200, 'PATCH', `/api/reports/${opened.id}`, {
        narrative: secret,
        expectedVersion: opened.version,
      });

      await page.goto(`${app.url}/#/`);
      await logOut();
      await logInAs('skolan.rapportor', reporterPassword);
      await page.getByRole('heading', { name: /Den här veckan/ }).waitFor();
      await page.goto(`${app.url}/#/reports/${encodeURIComponent(opened.id)}`);
      await page.getByRole('alert').filter({ hasText: 'Rapporten finns inte' }).waitFor();
      expect(await page.getByText(secret).count()).toBe(0);
      await screen('13-other-organisations-report');
    },
    stepTimeout,
  );

  const coordinatorPassword = 'karta-över-norberg-2024';
  let coordinator: Session;

  it(
    'lets the coordinator, and only the coordinator, keep the place register',
    async () => {
      // The reporter from the step before may read places (to pick one) but does not keep them.
      expect(await page.getByRole('menuitem', { name: 'Platser' }).count()).toBe(0);
      const office = await admin.expect<{ id: string }>(201, 'POST', '/api/organisations', {
        name: 'BF-samordnaren',
        kind: 'coordinator',
      });
      ({ session: coordinator } = await createLogin(
        admin,
        {
          username: 'bf.samordnare',
          displayName: 'Stina Samordnare',
          organisationId: office.id,
          roles: ['coordinator'],
        },
        coordinatorPassword,
      ));
      await logOut();
      await logInAs('bf.samordnare', coordinatorPassword);
      await page.getByRole('menuitem', { name: 'Platser' }).click();
      await page.getByRole('link', { name: 'Skapa' }).click();
      await page.getByRole('textbox', { name: /^Namn/ }).fill('Frida Hansdotter Arena');
      await page.getByRole('combobox', { name: /Typ av plats/ }).click();
      await page.getByRole('option', { name: 'Idrottsanläggning' }).click();
      // Latitude and longitude swapped by mistake: the form says so before anything is sent.
      await page.getByRole('spinbutton', { name: /^Latitud/ }).fill('155.732');
      await page.getByRole('spinbutton', { name: /^Longitud/ }).fill('60.079');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByText('Latituden ska vara mellan −90 och 90.').waitFor();
      await screen('14-place-create-invalid');
      await page.getByRole('spinbutton', { name: /^Latitud/ }).fill('60.079');
      await page.getByRole('spinbutton', { name: /^Longitud/ }).fill('15.732');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('cell', { name: '60,0790° N, 15,7320° Ö' }).waitFor();
      await page.getByRole('cell', { name: 'Frida Hansdotter Arena' }).waitFor();
      await screen('15-places');
      const places = await coordinator.expect<{ name: string; kind: string; coordinates: unknown }[]>(
        200,
        'GET',
        '/api/places',
      );
      expect(places).toEqual([
        expect.objectContaining({
          name: 'Frida Hansdotter Arena',
          kind: 'sports_facility',
          coordinates: { lat: 60.079, lon: 15.732 },
        }),
      ]);

      // A place that closed is retired, not deleted: incidents that point at it keep it.
      await coordinator.expect(201, 'POST', '/api/places', { name: 'Gamla Unkan', kind: 'youth_centre' });
      await page.reload();
      await page.getByRole('cell', { name: 'Gamla Unkan' }).click();
      await page.getByRole('textbox', { name: /^Namn/ }).and(page.locator('[value="Gamla Unkan"]')).waitFor();
      await page.getByRole('button', { name: 'Ta ur bruk' }).click();
      await page.getByRole('dialog').getByText('Ta ”Gamla Unkan” ur bruk?').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Bekräfta' }).click();
      await page.getByText('Platsen är tagen ur bruk').first().waitFor();
      await page.getByRole('cell', { name: 'Frida Hansdotter Arena' }).waitFor();
      expect(await page.getByRole('cell', { name: 'Gamla Unkan' }).count()).toBe(0);
      const register = await coordinator.expect<{ name: string; retired: boolean }[]>(
        200,
        'GET',
        '/api/places?retired=true',
      );
      expect(register.map(({ name, retired }) => [name, retired])).toEqual([
        ['Frida Hansdotter Arena', false],
        ['Gamla Unkan', true],
      ]);
    },
    stepTimeout,
  );

  it(
    'shows the coordinator what waits: the compiled week to approve and a failed publication',
    async () => {
      const [report] = await coordinator.expect<{ period: string }[]>(
        200,
        'GET',
        `/api/reports?organisationId=${skolanId}`,
      );
      const week = report!.period;
      // The running week, before its deadline: confirmed as early (the other organisations have not reported).
      await coordinator.expect(201, 'POST', '/api/lagesbilder', { period: week, confirmEarly: true });
      // The real publication processor, asked for a publication that was never requested,
      // fails as it would for a stolen or stale job; one attempt so the journey need not wait.
      const jobs = app.app.get<JobQueue>(JOB_QUEUE);
      const jobId = `publish-lagesbild-journey-${week}`;
      await jobs.enqueue('publish-lagesbild', jobId, { period: week, publicationNumber: 9 }, { attempts: 1 });
      expect((await jobs.waitUntilSettled(jobId, 30_000)).state).toBe('failed');

      const label = `v${Number(week.slice(6))} ${week.slice(0, 4)}`;
      await page.goto(`${app.url}/#/`);
      await page.getByText(`Lägesbilden för ${label} väntar på godkännande`).waitFor();
      await page.getByRole('heading', { name: 'Misslyckade jobb' }).waitFor();
      const failure = page.getByRole('link', { name: new RegExp(`Publiceringen av ${label} misslyckades`) });
      await failure.waitFor();
      await page.getByRole('heading', { name: `Att göra för ${label}` }).waitFor();
      const said = await failure.textContent();
      expect(said).toContain('Öppna lägesbilden och publicera igen');
      // Why, in Swedish first; the server's own words only on the small technical line.
      expect(said).toContain('Jobbet gällde en publicering som aldrig har begärts');
      expect(said).toMatch(/Tekniskt fel: Publication 9 of \d{4}-W\d{2} was never requested/);
      await screen('16-coordinator-dashboard-waiting');
      await failure.click();
      await page.waitForURL(new RegExp(`#/lagesbilder/${week}/show`));
    },
    stepTimeout,
  );

  it(
    'finds no WCAG 2.1 AA violations on the screens',
    () => {
      const found = Object.entries(violations).filter(([, list]) => list.length > 0);
      expect(found).toEqual([]);
    },
    stepTimeout,
  );
});
