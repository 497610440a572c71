import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describeWith } from '../../../../test/support/services.js';
import { renderLagesbildList, renderLagesbildPage } from './public-pages.js';
import { largeWeek } from './fixtures/large-week.fixture.js';
import { norbergOpenMap } from './fixtures/open-map.fixture.js';
import {
  allPublications,
  norbergSite,
  week48Corrected,
  week48First,
  week49,
} from './fixtures/published-revisions.fixture.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

const pages: Array<[string, string]> = [
  ['the latest, corrected week', renderLagesbildPage(week48Corrected, norbergSite, allPublications)],
  ['an earlier, superseded publication', renderLagesbildPage(week48First, norbergSite, allPublications)],
  ['a week with masked personal data', renderLagesbildPage(week49, norbergSite, allPublications)],
  [
    'a week with its open map',
    renderLagesbildPage(week49, norbergSite, allPublications, { openMap: norbergOpenMap }),
  ],
  [
    'a 40-organisation week',
    renderLagesbildPage({ ...week49, period: '2024-W50', document: largeWeek(40) }, norbergSite),
  ],
  [
    'the embeddable page',
    renderLagesbildPage(week48Corrected, norbergSite, allPublications, { embed: true }),
  ],
  ['the list', renderLagesbildList(allPublications, norbergSite)],
  ['the empty list', renderLagesbildList([], norbergSite)],
];

describeWith(['chromium'], 'public pages in headless Chromium', () => {
  let profileDir: string;
  let context: BrowserContext;
  let noScript: BrowserContext;
  let noScriptDir: string;

  const launch = (dir: string, javaScriptEnabled: boolean) =>
    chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      javaScriptEnabled,
      // The pages must not fetch anything to render; block the network to prove it.
      offline: true,
    });

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'laget-chromium-'));
    noScriptDir = mkdtempSync(join(tmpdir(), 'laget-chromium-'));
    context = await launch(profileDir, true);
    noScript = await launch(noScriptDir, false);
  });

  afterAll(async () => {
    await context?.close();
    await noScript?.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(noScriptDir, { recursive: true, force: true });
  });

  async function axeViolations(html: string): Promise<string[]> {
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } }
        ).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations;
      });
      return (violations as AxeViolation[]).map(
        (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    } finally {
      await page.close();
    }
  }

  it('catches a violation when there is one (the check itself works)', async () => {
    const broken = renderLagesbildList([], norbergSite).replace('<html lang="sv">', '<html>');
    expect((await axeViolations(broken)).some((v) => v.startsWith('html-has-lang'))).toBe(true);
  });

  it.each(pages)('axe finds no WCAG 2.1 A/AA violations on %s', async (_name, html) => {
    expect(await axeViolations(html)).toEqual([]);
  });

  it('shows the whole lägesbild with JavaScript turned off', async () => {
    const page = await noScript.newPage();
    try {
      await page.setContent(renderLagesbildPage(week48Corrected, norbergSite, allPublications));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Lokal lägesbild avseende brottslighet och otrygghet för Norbergs kommun',
      );
      const table = page.getByRole('table', { name: 'Inrapporterade händelser för perioden, v48 2024' });
      expect(await table.getByRole('columnheader').count()).toBe(6);
      expect(await table.getByRole('rowheader').allTextContents()).toEqual([
        'Skadegörelse på handfat på Frida Hansdotter Arena',
      ]);
      expect(await page.getByRole('heading', { level: 2 }).count()).toBe(
        week48Corrected.document.sections.length + 2,
      );
      expect(await page.getByRole('link', { name: 'Ladda ner som PDF (tillgänglig PDF)' }).isVisible()).toBe(
        true,
      );
    } finally {
      await page.close();
    }
  });

  it('shows the open map as an image named by its text, and its table with the hidden cells in words', async () => {
    const page = await noScript.newPage();
    try {
      await page.setContent(
        renderLagesbildPage(week49, norbergSite, allPublications, { openMap: norbergOpenMap }),
      );
      const map = page.getByRole('img', { name: /^Karta över händelser per område/ });
      expect(await map.count()).toBe(1);
      expect(await map.getAttribute('aria-labelledby')).toBe('karta-alt');
      const table = page.getByRole('table', { name: /^Händelser per område och kategori/ });
      expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Centrum', 'Kärrgruvan', 'Åsen']);
      expect(await table.getByRole('row', { name: /Åsen/ }).getByRole('cell').allTextContents()).toEqual([
        '0',
        'färre än 3',
        '0',
      ]);
      expect(
        await page.getByRole('link', { name: 'Kartan som data (GeoJSON)' }).getAttribute('href'),
      ).toMatch(/\/public\/lagesbilder\/2024-W49\.geojson$/);
    } finally {
      await page.close();
    }
  });

  it('prints without the links bar and repeats the table header on each printed page', async () => {
    const page = await context.newPage();
    try {
      await page.setContent(renderLagesbildPage(week48Corrected, norbergSite, allPublications));
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.downloads').isVisible()).toBe(false);
      expect(
        await page
          .locator('thead')
          .first()
          .evaluate((el) => getComputedStyle(el).display),
      ).toBe('table-header-group');
    } finally {
      await page.close();
    }
  });
});
