import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { describeWith } from '../support/services.js';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/first-start.js';
import { buildAdminPanel, launchBrowser, screenshot, type Browser } from './browser-kit.js';
import { logIn, type Session } from './http-kit.js';
import { englishIn, englishPhrases, pageText, titleCaseHeadings } from './swedish-kit.js';

/**
 * Swedish everywhere (issue 16): every route of the panel, with the `sv` locale, as the
 * administrator, the coordinator and a reporter on the demo data. A page fails on any text of our
 * English messages or react-admin's, on a raw message key, or on a title react-admin put in title
 * case ("Skapa Inloggning"); what was found is printed.
 * Pages a role may not open are walked too: their refusal must be Swedish as well.
 */
const stepTimeout = 300_000;
const adminPassword = 'granit-älv-fyrtorn-1948';
const demoWeek = '2024-W48';

interface Ids {
  user: string;
  report: string;
  place: string;
  area: string;
}

/** Every route the panel has (App.tsx: resources and custom routes), with the demo's records. */
function routes(ids: Ids): string[] {
  const week = encodeURIComponent(demoWeek);
  return [
    '/',
    '/my-report',
    '/password',
    '/organisations',
    '/organisations/create',
    '/organisations/skolan',
    '/users',
    '/users/create',
    `/users/${encodeURIComponent(ids.user)}`,
    '/periods',
    `/periods/${week}/show`,
    '/reports',
    `/reports/${encodeURIComponent(ids.report)}`,
    `/reports/${encodeURIComponent(ids.report)}/show`,
    '/places',
    '/places/create',
    `/places/${encodeURIComponent(ids.place)}`,
    '/areas',
    `/areas/${encodeURIComponent(ids.area)}`,
    '/karta',
    '/lagesbilder',
    `/lagesbilder/${week}/show`,
    `/lagesbilder/${week}/history`,
    '/mandag',
    `/mandag/${week}`,
    '/audit',
    '/tokens',
    '/tokens/create',
    '/no-such-page',
  ];
}

describeWith(['postgres', 'chromium'], 'the Swedish panel on every route', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let ids: Ids;
  const phrases = englishPhrases();
  const found: Record<string, string[]> = {};

  beforeAll(async () => {
    await buildAdminPanel();
    app = await startTestApp({ store: 'postgres', env: { LAGET_DEMO: '1' } });
    const first = await logIn(app.url, 'admin', 'test-admin-password-1');
    await first.expect(204, 'POST', '/api/auth/password', {
      currentPassword: 'test-admin-password-1',
      newPassword: adminPassword,
    });
    const coordinator = await logIn(app.url, 'samordnare', DEMO_PASSWORD);
    await compileDemoWeek(coordinator);
    const [user] = await coordinator.expect<{ id: string }[]>(200, 'GET', '/api/users?perPage=1');
    const [report] = await coordinator.expect<{ id: string }[]>(
      200,
      'GET',
      `/api/reports?period=${demoWeek}&organisationId=skolan`,
    );
    const [place] = await coordinator.expect<{ id: string }[]>(200, 'GET', '/api/places?perPage=1');
    // The demo draws its areas once the reporting demo's places are in.
    let areas: { id: string }[] = [];
    for (const deadline = Date.now() + 60_000; areas.length === 0 && Date.now() < deadline;) {
      areas = await coordinator.expect<{ id: string }[]>(200, 'GET', '/api/areas?perPage=1');
      if (areas.length === 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    ids = { user: user!.id, report: report!.id, place: place!.id, area: areas[0]!.id };
    browser = await launchBrowser();
    page = browser.page;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The demo files the seed's week beside the start; once it has, the week is compiled. */
  async function compileDemoWeek(coordinator: Session): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const reports = await coordinator.expect<{ status: string }[]>(
        200,
        'GET',
        `/api/reports?period=${demoWeek}`,
      );
      if (reports.filter((r) => r.status === 'submitted').length >= 6) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    await coordinator.expect(201, 'POST', '/api/lagesbilder', { period: demoWeek, confirmEarly: true });
  }

  async function logInAs(username: string, password: string): Promise<void> {
    await browser.context.clearCookies();
    await page.goto(`${app.url}/#/login`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page
      .getByRole('heading', { name: /Hej|Den här veckan/ })
      .first()
      .waitFor();
  }

  /**
   * The page's text once its lazy code and data are in. A hash route is a same-document
   * navigation, so the load states say nothing: settled is no spinner and the same text twice.
   */
  async function settledText(page: Page): Promise<string> {
    let before = '';
    for (let tries = 0; tries < 40; tries += 1) {
      await new Promise((done) => setTimeout(done, 250));
      const now = await pageText(page);
      const loading = await page.locator('[role="progressbar"]').count();
      if (now === before && loading === 0) return now;
      before = now;
    }
    return before;
  }

  async function walk(role: string): Promise<void> {
    for (const route of routes(ids)) {
      await page.goto(`${app.url}/#${route}`);
      // On a loaded machine the list's request can outlast two quiet reads of the page: wait for
      // the data we prove the walk by, then for the page to settle.
      if (route === '/organisations')
        await page.getByText('Socialtjänsten').first().waitFor({ timeout: 60_000 });
      const text = await settledText(page);
      // A walk that met only the login page or a blank screen would find no English either.
      expect({ route, loginShown: await page.locator('#username').count(), long: text.length > 80 }).toEqual({
        route,
        loginShown: 0,
        long: true,
      });
      // Proof the walk reads pages with their data, not a shell still loading.
      if (route === '/organisations') expect(text).toContain('Socialtjänsten');
      if (role === 'coordinator' && route.endsWith('/show') && route.startsWith('/lagesbilder'))
        expect(text).toContain('Polisens statistik');
      // The audit trail names its events in Swedish, not by the API's type names.
      if (role === 'admin' && route === '/audit') {
        expect(text).toContain('Inloggad');
        expect(text.match(/\b(?:User|Report|Incident|Organisation|Lagesbild)[A-Z]\w+/g) ?? []).toEqual([]);
      }
      const english = [
        ...englishIn(text, phrases),
        ...(await titleCaseHeadings(page)).map((title) => `not sentence case: "${title}"`),
      ];
      if (english.length > 0) {
        found[`${role} ${route}`] = english;
        await screenshot(page, `english-${role}-${route.replace(/[^a-z0-9]+/gi, '-')}`);
      }
    }
  }

  it('knows English and raw keys when it sees them', () => {
    expect(englishIn('Hej! Something went wrong', phrases)).toEqual([
      expect.stringContaining('Something went wrong'),
    ]);
    expect(englishIn('Profil', phrases)).toEqual([]);
    expect(englishIn('Profile', phrases)).not.toEqual([]);
    expect(englishIn('Spara resources.users.name', phrases)).toEqual(['raw key resources.users.name']);
    expect(englishIn('Veckans rapport: Bedrägeri, Försök till bedrägeri', phrases)).toEqual([]);
  });

  it(
    'has nothing English on the login page',
    async () => {
      await page.goto(`${app.url}/#/login`);
      await page.getByRole('heading', { name: 'Logga in i Läget' }).waitFor();
      const english = englishIn(await pageText(page), phrases);
      if (english.length > 0) found['anonymous /login'] = english;
    },
    stepTimeout,
  );

  it(
    'walks every route as the administrator',
    async () => {
      await logInAs('admin', adminPassword);
      await walk('admin');
    },
    stepTimeout,
  );

  it(
    "says a server failure in Swedish with the reference to quote, not the API's English body",
    async () => {
      let sent = '';
      await page.route(/\/api\/organisations\?/, async (route) => {
        sent = (await route.request().headerValue('x-request-id')) ?? '';
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            statusCode: 500,
            error: 'Internal Server Error',
            message: 'Something went wrong on our side; it has been logged.',
          }),
        });
      });
      try {
        await page.goto(`${app.url}/#/organisations`);
        const said = page.getByText(/Något gick fel hos oss; felet är loggat\. \(Referens: [0-9a-f]{12}\)/);
        // react-admin's query client retries a failed read three times (1 s, 2 s, 4 s) before
        // it says so; on a loaded machine that passes the default 15 s.
        await said.first().waitFor({ timeout: 60_000 });
        expect(await said.first().textContent()).toContain(`Referens: ${sent}`);
        expect(englishIn(await pageText(page), phrases)).toEqual([]);
        await screenshot(page, 'sv-server-error');
      } finally {
        await page.unroute(/\/api\/organisations\?/);
      }
    },
    stepTimeout,
  );

  it(
    'walks every route as the coordinator',
    async () => {
      await logInAs('samordnare', DEMO_PASSWORD);
      await walk('coordinator');
    },
    stepTimeout,
  );

  it(
    'walks every route as a reporter',
    async () => {
      await logInAs('skolan', DEMO_PASSWORD);
      await walk('reporter');
    },
    stepTimeout,
  );

  it('found no English, no raw keys and no title in title case', () => {
    const lines = Object.entries(found).map(([where, what]) => `  ${where}: ${what.join(', ')}`);
    console.log(
      `[Swedish everywhere] ${routes(ids).length} routes × 3 roles + login, ${phrases.length} English phrases looked for; ` +
        (lines.length === 0 ? 'nothing English found' : `found:\n${lines.join('\n')}`),
    );
    expect(found).toEqual({});
  });
});
