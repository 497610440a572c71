import type { Page, Request } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/first-start.js';
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
import { logIn, type Session } from './http-kit.js';

/**
 * Karta (issue 20): with no LAGET_MAP_STYLE_URL the panel's map must not make a single request
 * to another host — every request of both browsers is watched and any foreign one fails the
 * suite. The coordinator opens the map of the demo's areas and places, sees the hot-spots, clicks
 * a place and reads its incidents; the areas page lists the areas; a reporter on a phone picks the
 * incident's place by tapping it on the map and saves. Screens are checked with axe-core.
 */
const stepTimeout = 120_000;
const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

interface Place {
  id: string;
  name: string;
  coordinates: { lat: number; lon: number } | null;
}

describeWith(['postgres', 'chromium'], 'Karta: the panel map', () => {
  let app: TestApp;
  let desk: Browser;
  let pocket: Browser;
  let page: Page;
  let coordinator: Session;
  let places: Place[] = [];
  /** The reports filed in beforeAll, by `<week>/<organisation>`. */
  const reports = new Map<string, string>();
  const foreign: string[] = [];
  const violations: Record<string, AxeViolation[]> = {};

  /** Any request that leaves the app's own origin (data: and blob: URLs never leave the page). */
  function watch(browser: Browser): void {
    const origin = new URL(app.url).origin;
    const check = (request: Request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) foreign.push(url);
    };
    browser.context.on('request', check);
    // Belt and braces: a foreign request is also refused, so the page cannot lean on one.
    void browser.context.route(
      (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
      (route) => route.abort('blockedbyclient'),
    );
  }

  beforeAll(async () => {
    await buildAdminPanel();
    app = await startTestApp({ store: 'postgres', env: { LAGET_DEMO: '1' } });
    coordinator = await logIn(app.url, 'samordnare', DEMO_PASSWORD);
    // The demo draws its areas and places once the reporting demo is in.
    const deadline = Date.now() + 60_000;
    for (;;) {
      places = await coordinator.expect<Place[]>(200, 'GET', '/api/places?perPage=1000');
      if (places.filter((p) => p.coordinates).length >= 5) break;
      if (Date.now() > deadline) throw new Error('the demo places did not appear within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const at = (name: string) => places.find((p) => p.name === name)!.id;
    // A few weeks after the demo week, with incidents at named places: Torget busiest.
    const filed: Array<[string, string, string, number]> = [
      ['2024-W49', 'nvk', 'Torget', 3],
      ['2024-W49', 'socialtjansten', 'Torget', 2],
      ['2024-W50', 'nvk', 'Torget', 4],
      ['2024-W50', 'socialtjansten', 'Busstationen', 2],
      ['2024-W51', 'nvk', 'Unkan', 1],
    ];
    for (const [period, organisationId, place, severity] of filed) {
      const key = `${period}/${organisationId}`;
      if (!reports.has(key)) {
        const report = await coordinator.expect<{ id: string }>(201, 'POST', '/api/reports', {
          period,
          organisationId,
        });
        reports.set(key, report.id);
      }
      await coordinator.expect(201, 'POST', `/api/reports/${reports.get(key)}/incidents`, {
        problem: `Skadegörelse vid ${place}`,
        category: 'skadegorelse',
        location: place,
        placeId: at(place),
        assessment: { severity, scope: 'A' },
      });
    }
    for (const id of reports.values()) await coordinator.expect(200, 'POST', `/api/reports/${id}/submit`, {});

    desk = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    watch(desk);
    page = desk.page;
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`[browser] ${message.text()}`);
    });
  }, 300_000);

  afterEach(async () => {
    const name = expect.getState().currentTestName ?? 'step';
    if (page) await screenshot(page, `last-karta-${name.replace(/[^a-zåäö0-9]+/gi, '-').slice(-40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await pocket?.close();
    await app?.close();
  });

  it(
    'opens the map on the plain background with the areas and places, and no WebGL error',
    async () => {
      await page.goto(`${app.url}/#/login`);
      await page.locator('#username').fill('samordnare');
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('menuitem', { name: 'Karta' }).click();
      await page.getByRole('heading', { name: 'Karta', level: 1 }).waitFor();
      await page.locator('#map-from').fill('2024-W48');
      await page.locator('#map-to').fill('2024-W52');
      const map = page.getByRole('region', { name: 'Karta över områden och platser med händelser' });
      await map.locator('canvas.maplibregl-canvas').waitFor();
      for (const area of ['Centrum', 'Åsen', 'Kärrgruvan'])
        await map.getByText(area, { exact: true }).waitFor();
      await map.getByRole('button', { name: 'Torget: 3 händelser' }).waitFor();
      await map.getByRole('button', { name: 'Busstationen: 1 händelse' }).waitFor();
      // The canvas really drew: WebGL gave a context (else the page says so instead of a map).
      expect(await page.getByText(/WebGL saknas/).count()).toBe(0);
      // Let MapLibre settle (tiles of our own GeoJSON are built in its worker).
      await page.waitForFunction(() => document.querySelector('canvas.maplibregl-canvas') !== null);
      await page.screenshot({ path: 'docs/screenshots/karta.png', fullPage: false });
      violations['karta'] = await checkScreen(page, 'karta');
    },
    stepTimeout,
  );

  it(
    'clicks a place and reads its incidents and weeks beside the map; the table says the same',
    async () => {
      const map = page.getByRole('region', { name: 'Karta över områden och platser med händelser' });
      await map.getByRole('button', { name: 'Torget: 3 händelser' }).click();
      const details = page.getByRole('region', { name: 'Torget' });
      await details.waitFor();
      await details.getByText('Centrum').waitFor();
      const list = details.getByRole('list', { name: 'Händelser under perioden' });
      expect(await list.getByRole('listitem').count()).toBe(3);
      // Each incident links to its report, where what happened is written.
      await expect(
        list.getByRole('link', { name: '2024-W50 · Skadegörelse' }).getAttribute('href'),
      ).resolves.toBe(`#/reports/${reports.get('2024-W50/nvk')}/show`);
      await details.getByText(/bedömning 4/).waitFor();
      await page.screenshot({ path: 'docs/screenshots/karta-plats.png', fullPage: false });
      violations['karta-plats'] = await checkScreen(page, 'karta-plats');

      const table = page.getByRole('table', { name: 'Platser och antal händelser' });
      const torget = table.getByRole('row', { name: /Torget/ });
      await expect(torget.getByRole('cell').nth(1).textContent()).resolves.toBe('3');
      // The severity weighting is one toggle away.
      await page.getByRole('button', { name: 'Allvarlighet' }).click();
      await expect(
        page.getByRole('button', { name: 'Allvarlighet' }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      // A category filter narrows the map (nothing here is of Klotter).
      await page.locator('#map-category').click();
      await page.getByRole('option', { name: 'Klotter' }).click();
      await map.getByRole('button', { name: 'Torget: 0 händelser' }).waitFor();
    },
    stepTimeout,
  );

  it(
    'lists the areas with their places for the coordinator, who imports one from a file, renames and deletes it',
    async () => {
      await page.getByRole('menuitem', { name: 'Områden' }).click();
      await page.waitForURL(/#\/areas/);
      const row = page.getByRole('row', { name: /^Centrum/ });
      await row.waitFor();
      // Torget, Busstationen, Frida Hansdotter Arena, Unkan and Kvarnbacksskolan lie in Centrum.
      await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('5');
      // An import from a file: one good area, one without a name; the answer says which and why.
      await page.getByRole('button', { name: 'Importera GeoJSON' }).click();
      const dialog = page.getByRole('dialog', { name: 'Importera områden från GeoJSON' });
      const ring = [
        [15.9, 60.08],
        [15.91, 60.08],
        [15.91, 60.085],
        [15.9, 60.08],
      ];
      const file = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { namn: 'Gruvområdet' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
        ],
      };
      await dialog.locator('#area-import-file').setInputFiles({
        name: 'omraden.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      await dialog.getByRole('button', { name: 'Importera', exact: true }).click();
      const result = dialog.getByRole('table', { name: 'Resultat per område' });
      await result.getByRole('row', { name: /Gruvområdet Skapat/ }).waitFor();
      await result.getByRole('row', { name: /Område 2 Inte importerat: Namn: får inte vara tom$/ }).waitFor();
      violations['omraden-import'] = await checkScreen(page, 'omraden-import');
      await dialog.getByRole('button', { name: 'Stäng' }).click();
      // Renamed on its page (under its outline), then deleted: both under If-Match.
      await page.getByRole('row', { name: /^Gruvområdet/ }).click();
      await page
        .getByRole('region', { name: 'Områdets gräns' })
        .locator('canvas.maplibregl-canvas')
        .waitFor();
      await page.getByRole('textbox', { name: /^Namn/ }).fill('Gruvområdet norra');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('row', { name: /^Gruvområdet norra/ }).click();
      await page.getByRole('button', { name: 'Ta bort' }).click();
      await page
        .getByRole('dialog', { name: 'Ta bort området ”Gruvområdet norra”?' })
        .getByRole('button', { name: 'Bekräfta' })
        .click();
      await page.waitForURL(/#\/areas$/);
      await page.getByRole('row', { name: /^Centrum/ }).waitFor();
      expect(await page.getByRole('row', { name: /^Gruvområdet/ }).count()).toBe(0);
      violations['omraden'] = await checkScreen(page, 'omraden');
    },
    stepTimeout,
  );

  it(
    'shows the table alone, and says why, in a browser without WebGL',
    async () => {
      const plain = await desk.context.newPage();
      try {
        // As a browser with WebGL switched off (a locked-down workplace PC) answers.
        await plain.addInitScript(() => {
          const original = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (
            this: HTMLCanvasElement,
            kind: string,
            ...rest: unknown[]
          ) {
            if (kind.startsWith('webgl')) return null;
            return (original as (...a: unknown[]) => unknown).call(this, kind, ...rest);
          } as typeof original;
        });
        await plain.goto(`${app.url}/#/karta`);
        await plain.getByText(/WebGL saknas/).waitFor();
        expect(await plain.locator('canvas.maplibregl-canvas').count()).toBe(0);
        await plain
          .getByRole('table', { name: 'Platser och antal händelser' })
          .getByRole('row', { name: /Torget/ })
          .waitFor();
      } finally {
        await plain.close();
      }
    },
    stepTimeout,
  );

  it(
    'lets a reporter on a phone pick the place on the map and save the incident',
    async () => {
      pocket = await launchBrowser(phone);
      watch(pocket);
      const phonePage = pocket.page;
      await phonePage.goto(`${app.url}/#/login`);
      await phonePage.locator('#username').fill('skolan');
      await phonePage.locator('#password').fill(DEMO_PASSWORD);
      await phonePage.getByRole('button', { name: 'Logga in' }).tap();
      await phonePage.getByRole('heading', { name: /Den här veckan/ }).waitFor();
      await phonePage.getByRole('link', { name: /veckans rapport/ }).tap();
      await phonePage.getByRole('button', { name: 'Lägg till händelse' }).tap();
      const dialog = phonePage.getByRole('dialog');
      await dialog.locator('#incident-problem').fill('Klotter på busskuren vid Åsens torg');
      await dialog.locator('#incident-category').selectOption({ label: 'Klotter' });
      await dialog.getByRole('button', { name: 'Välj på kartan' }).tap();
      const picker = phonePage.getByRole('dialog', { name: 'Välj plats på kartan' });
      const marker = picker
        .getByRole('region', { name: 'Karta med platserna i registret' })
        .getByRole('button', { name: 'Åsens torg', exact: true });
      await marker.waitFor();
      const box = await marker.boundingBox();
      // A finger-sized target on a 375 px screen.
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
      await marker.tap();
      // The tap marks the place and names it; "Använd" takes it.
      await picker.getByRole('status').getByText('Markerad på kartan: Åsens torg').waitFor();
      await phonePage.screenshot({ path: 'docs/screenshots/reporter-map-picker.png', fullPage: false });
      violations['picker'] = await checkScreen(phonePage, 'reporter-map-picker');
      await picker.getByRole('button', { name: 'Använd Åsens torg' }).tap();
      await picker.waitFor({ state: 'detached' });
      await expect(dialog.locator('#incident-location').inputValue()).resolves.toBe('Åsens torg');
      await dialog.getByRole('radio', { name: /^2 / }).tap();
      await dialog.getByRole('radio', { name: 'E – egen verksamhet', exact: true }).tap();
      // Two tags, one ended by a comma, one by Enter; the second typed twice is said once.
      const tags = dialog.locator('#incident-tags');
      await tags.fill('busskur,');
      await tags.fill('Helg');
      await tags.press('Enter');
      await tags.fill('helg');
      await tags.press('Enter');
      await dialog.getByText('Helg', { exact: true }).waitFor();
      await dialog.getByRole('button', { name: 'Spara', exact: true }).tap();
      await dialog.waitFor({ state: 'detached' });
      // The card says the category and the tags, as the reporter chose them.
      const card = phonePage.getByRole('article', { name: 'Klotter på busskuren vid Åsens torg' });
      await card.getByText('Klotter', { exact: true }).waitFor();
      await card.getByText('busskur, Helg').waitFor();

      const skolan = await logIn(app.url, 'skolan', DEMO_PASSWORD);
      type Incident = { problem: string; placeId: string | null; tags: string[] };
      const list = await skolan.expect<Array<{ id: string }>>(
        200,
        'GET',
        '/api/reports?organisationId=skolan',
      );
      const incidents: Incident[] = [];
      for (const { id } of list)
        incidents.push(
          ...(await skolan.expect<{ incidents: Incident[] }>(200, 'GET', `/api/reports/${id}`)).incidents,
        );
      const saved = incidents.find((i) => i.problem === 'Klotter på busskuren vid Åsens torg');
      expect(saved?.placeId).toBe(places.find((p) => p.name === 'Åsens torg')!.id);
      expect(saved?.tags).toEqual(['busskur', 'Helg']);
    },
    stepTimeout,
  );

  it(
    'shows whoever approves the open map that approval will publish, as an image with its words',
    async () => {
      await coordinator.expect(201, 'POST', '/api/lagesbilder', { period: '2024-W50', confirmEarly: true });
      await page.goto(`${app.url}/#/lagesbilder/2024-W50/show`);
      const figure = page.getByRole('figure', { name: /Kartan som publiceras med den öppna versionen/ });
      await figure.waitFor({ timeout: 60_000 });
      const image = figure.getByRole('img');
      const alt = (await image.getAttribute('alt')) ?? '';
      expect(alt).toMatch(/^Karta över händelser per område och kategori/);
      expect(alt).toContain('färre än 3');
      // Drawn, not a broken image: the SVG decoded to its own size.
      expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      violations['lagesbild-karta'] = await checkScreen(page, 'lagesbild-map-preview');
    },
    stepTimeout,
  );

  it('made no request to any other host, and every screen passes axe (WCAG 2.1 AA)', async () => {
    expect(foreign).toEqual([]);
    // Without a base map the CSP lets the page fetch from its own origin only.
    const csp = (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|;)connect-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|;)img-src 'self' data:(;|$)/);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  });
});
