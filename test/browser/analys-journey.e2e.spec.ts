import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fileHalfYear } from '../../apps/api/src/analysis/testing/half-year.js';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/first-start.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { describeWith } from '../support/services.js';
import {
  buildAdminPanel,
  checkScreen,
  screenshot,
  launchBrowser,
  type AxeViolation,
  type Browser,
} from './browser-kit.js';
import { logIn, type Session } from './http-kit.js';

/**
 * The Analys page and the internal PDF (issue 18): the coordinator looks at how the demo week
 * and a generated half year add up, by category, reads the figures in the table by keyboard,
 * downloads the internal version of the week as PDF (marked on every page) and prints the
 * workspace without its menu and buttons. Every screen is checked with axe-core (WCAG 2.1 AA).
 */
const stepTimeout = 120_000;

describeWith(['postgres', 'chromium'], 'Analys and the internal PDF', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let coordinator: Session;
  const violations: Record<string, AxeViolation[]> = {};

  beforeAll(async () => {
    await buildAdminPanel();
    app = await startTestApp({ store: 'postgres', env: { LAGET_DEMO: '1' } });
    coordinator = await logIn(app.url, 'samordnare', DEMO_PASSWORD);
    await fileHalfYear(
      async (method, path, body) => {
        const answer = await coordinator.call<{ id?: string }>(method, path, body);
        if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status}`);
        return answer.body;
      },
      ['skolan', 'nvk', 'socialtjansten'],
    );
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    page = browser.page;
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`[browser] ${message.text()}`);
    });
  }, 300_000);

  afterEach(async () => {
    const name = expect.getState().currentTestName ?? 'step';
    if (page) await screenshot(page, `last-analys-${name.replace(/[^a-zåäö0-9]+/gi, '-').slice(-40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it(
    'shows the trend by category with the missing Christmas week as a gap, and its table by keyboard',
    async () => {
      await page.goto(`${app.url}/#/login`);
      await page.locator('#username').fill('samordnare');
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('menuitem', { name: 'Analys' }).click();
      await page.getByRole('heading', { name: 'Analys', level: 1 }).waitFor();
      await page.locator('#analysis-from').fill('2024-W48');
      await page.locator('#analysis-to').fill('2025-W22');
      const main = page.getByRole('region', { name: /Antal händelser per vecka/ });
      await main.locator('svg').first().waitFor();
      await main
        .getByText(/Skadegörelse/)
        .first()
        .waitFor();
      await page.screenshot({ path: 'docs/screenshots/analys.png', fullPage: false });
      violations['analys'] = await checkScreen(page, 'analys');

      // The table behind the chart, opened with the keyboard.
      const disclosure = main.getByRole('button', { name: 'Visa som tabell' });
      await disclosure.focus();
      await page.keyboard.press('Enter');
      const table = main.getByRole('table');
      await table.waitFor();
      const row = table.getByRole('row', { name: /Skadegörelse/ });
      await row.waitFor();
      // 2025-W01: nobody reported, so the table says so instead of 0.
      expect(await table.getByText('ingen rapport').count()).toBeGreaterThan(0);
      violations['analys-table'] = await checkScreen(page, 'analys-table');

      // Police statistics over time and the heat table are on the page too.
      await page.getByRole('region', { name: 'Polisens statistik per brottskategori' }).waitFor();
      await page.getByRole('region', { name: /Platser och veckor/ }).waitFor();

      // The same trend by area (the map's områden): the demo week's arena lies in Centrum.
      await page.getByRole('combobox', { name: 'Uppdelat på' }).click();
      await page.getByRole('option', { name: 'Område' }).click();
      const byArea = page.getByRole('region', { name: /uppdelat på område/i });
      await byArea.locator('svg').first().waitFor();

      // The month's analysis is found from the lägesbilder's search, as "november 2024".
      await page.goto(`${app.url}/#/lagesbilder`);
      await page.getByRole('textbox', { name: /Sök/ }).fill('2024-11');
      await page.getByRole('link', { name: 'Öppna november 2024' }).click();
      await page.getByRole('heading', { name: /november 2024/, level: 1 }).waitFor();
      violations['month-analysis'] = await checkScreen(page, 'month-analysis');
    },
    stepTimeout,
  );

  it(
    'downloads the internal version as PDF marked on every page, and prints the workspace without menu and buttons',
    async () => {
      await coordinator.expect(201, 'POST', '/api/lagesbilder', { period: '2024-W48' });
      const response = await page.request.get(`${app.url}/api/lagesbilder/2024-W48/pdf?view=internal`);
      expect(response.status()).toBe(200);
      const pdf = await response.body();
      const dir = mkdtempSync(join(tmpdir(), 'laget-journey-pdf-'));
      try {
        writeFileSync(join(dir, 'intern.pdf'), pdf);
        const pages = execFileSync('pdftotext', [join(dir, 'intern.pdf'), '-'], { encoding: 'utf8' })
          .split('\f')
          .filter((text) => text.trim() !== '');
        for (const text of pages)
          expect(text.replace(/\s+/g, ' ')).toContain('Intern – omfattas av sekretess');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      await page.goto(`${app.url}/#/lagesbilder/2024-W48/show`);
      const download = page.getByRole('link', { name: 'Ladda ned som PDF' });
      await download.waitFor();
      expect(await download.getAttribute('href')).toBe('/api/lagesbilder/2024-W48/pdf?view=internal');
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.evaluate(() =>
        ['header', '.RaSidebar-root', 'button'].map((selector) =>
          [...document.querySelectorAll(selector)].every(
            (element) => getComputedStyle(element).display === 'none',
          ),
        ),
      );
      expect(hidden).toEqual([true, true, true]);
      // The tools beside the document (approval, target groups, suggestions) are not printed,
      // and the document takes the paper's width.
      const printed = await page.evaluate(() => {
        const heading = document.getElementById('publish-heading');
        const panel = heading?.closest('.no-print');
        const documentWidth =
          document.querySelector('[data-section-id]')?.closest('.MuiGrid-root')?.getBoundingClientRect()
            .width ?? 0;
        return {
          panelHidden: panel ? getComputedStyle(panel).display === 'none' : 'no panel',
          wide: documentWidth > window.innerWidth * 0.8 || `${documentWidth} of ${window.innerWidth}`,
        };
      });
      expect(printed).toEqual({ panelHidden: true, wide: true });
      await page.screenshot({ path: 'docs/screenshots/lagesbild-print.png', fullPage: false });
      await page.emulateMedia({ media: 'screen' });
    },
    stepTimeout,
  );

  it('finds no WCAG 2.1 AA violations', () => {
    expect(Object.entries(violations).filter(([, list]) => list.length > 0)).toEqual([]);
  });
});
