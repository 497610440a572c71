import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { describeWith } from '../support/services.js';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/first-start.js';
import {
  buildAdminPanel,
  checkScreen,
  launchBrowser,
  screenshot,
  type AxeViolation,
  type Browser,
} from './browser-kit.js';
import { logIn } from './http-kit.js';
import { ActionCounter, horizontalOverflow, smallTapTargets, tabOrder } from './phone-kit.js';

/**
 * The reporter's week on a phone (issue 16): Skolan's reporter on a 390 × 844 touch screen, from
 * the start page, files two incidents with all six columns of the EST form and a narrative, and
 * submits. The journey counts what it does: taps that are not a field (open, add, save, submit)
 * apart from the fields answered, and holds the panel to at most 6 of the former. Every screen is
 * checked with axe-core (WCAG 2.1 AA), for sideways scrolling, and for tap targets under 44 px.
 * Then the police reporter writes a note on a statistics row, by keyboard only.
 */
const stepTimeout = 120_000;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const mostActionsBeyondFields = 6;

describeWith(['postgres', 'chromium'], "reporter's week on a phone", () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const violations: Record<string, AxeViolation[]> = {};
  const layout: Record<string, { overflow: number; small: string[] }> = {};
  const counter = new ActionCounter();

  beforeAll(async () => {
    await buildAdminPanel();
    app = await startTestApp({ store: 'postgres', env: { LAGET_DEMO: '1' } });
    browser = await launchBrowser(phone);
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    const name = expect.getState().currentTestName ?? 'step';
    if (page) await screenshot(page, `last-${name.replace(/[^a-zåäö0-9]+/gi, '-').slice(-60)}`);
  });

  async function screen(name: string): Promise<void> {
    violations[name] = await checkScreen(page, name);
    layout[name] = { overflow: await horizontalOverflow(page), small: await smallTapTargets(page) };
  }

  async function logInAs(username: string): Promise<void> {
    await page.goto(`${app.url}/#/login`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).tap();
    await page.getByRole('heading', { name: /Den här veckan/ }).waitFor();
  }

  const incidents = [
    {
      problem: 'Klotter på idrottshallens vägg',
      category: 'Klotter',
      location: 'Idrottshallen, norra väggen',
      occurredAt: 'fredag kväll',
      frequency: 'varje vecka',
      severity: '2 lindrigt',
      scope: 'EA – egen verksamhet och andra',
      comment: 'Vaktmästaren har sanerat.',
    },
    {
      problem: 'Skadegörelse på handfat',
      category: 'Skadegörelse',
      location: 'Inne på toaletten',
      occurredAt: 'tisdag förmiddag',
      frequency: 'en gång',
      severity: '3 måttligt',
      scope: 'E – egen verksamhet',
      comment: 'Söndersparkat vattenlås.',
    },
  ];

  it(
    'takes Skolan from the start page into the form in one tap, with nothing judged in advance',
    async () => {
      await logInAs('skolan');
      await screen('p01-start-page');
      await counter.tap(page.getByRole('link', { name: 'Börja veckans rapport' }), 'start the report');
      await page.locator('#narrative').waitFor();
      await screen('p02-report-form');
      await counter.type(
        page.locator('#narrative'),
        'Lugnt just nu. Enstaka mindre skadegörelse på skolgården.',
        'narrative',
      );
    },
    stepTimeout,
  );

  it(
    'files two incidents with all six columns, each confirmed without covering a control',
    async () => {
      await counter.tap(page.getByRole('button', { name: 'Lägg till händelse' }), 'add an incident');
      const dialog = page.getByRole('dialog');
      for (const [index, incident] of incidents.entries()) {
        await dialog.locator('#incident-problem').waitFor();
        // Category, severity and Berör are the reporter's judgement: nothing is chosen for them.
        expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(0);
        expect(await dialog.locator('#incident-category').inputValue()).toBe('');
        expect(await dialog.locator('#incident-problem').inputValue()).toBe('');
        if (index === 0) {
          // The help names the ends of the scale in the options' own words.
          await dialog.getByText('1 = obetydligt, 5 = mycket allvarligt').waitFor();
          await screen('p03-incident-form');
        }
        await counter.type(dialog.locator('#incident-problem'), incident.problem, 'problematik');
        await counter.select(dialog.locator('#incident-category'), incident.category, 'kategori');
        await counter.type(dialog.locator('#incident-location'), incident.location, 'plats');
        await counter.type(dialog.locator('#incident-occurredAt'), incident.occurredAt, 'tidpunkt');
        await counter.type(dialog.locator('#incident-frequency'), incident.frequency, 'frekvens');
        await counter.choose(dialog.getByRole('radio', { name: incident.severity }), 'bedömning');
        await counter.choose(dialog.getByRole('radio', { name: incident.scope, exact: true }), 'berör');
        await counter.type(dialog.locator('#incident-comment'), incident.comment, 'kommentar');
        if (index === 0) {
          await screen('p04-incident-form-filled');
          // The first is saved with the form kept open, emptied, for the second.
          await counter.tap(
            dialog.getByRole('button', { name: 'Spara och lägg till nästa' }),
            'save and add the next',
          );
          await dialog
            .getByRole('status')
            .filter({ hasText: 'Händelsen är sparad. Fyll i nästa.' })
            .waitFor();
        } else {
          await counter.tap(dialog.getByRole('button', { name: 'Spara', exact: true }), 'save');
        }
      }
      for (const incident of incidents) await page.getByRole('article', { name: incident.problem }).waitFor();
      // Said beside the submit button, not in a toast laid over it.
      await page.getByRole('status').filter({ hasText: 'Händelsen är sparad' }).waitFor();
      expect(await page.locator('.MuiSnackbar-root').count()).toBe(0);
      const submit = page.getByRole('button', { name: 'Skicka in rapporten' });
      await submit.waitFor();
      // The bar keeps the button in the thumb's reach, on screen without scrolling to it.
      const box = await submit.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      await screen('p05-report-two-incidents');
      // The smallest phone the form is held to: 360 px, still nothing to scroll sideways.
      await page.setViewportSize({ width: 360, height: 740 });
      await screen('p05b-report-at-360');
      await page.setViewportSize(phone.viewport);
    },
    stepTimeout,
  );

  it(
    `submits, in at most ${mostActionsBeyondFields} actions beyond the fields`,
    async () => {
      await counter.tap(page.getByRole('button', { name: 'Skicka in rapporten' }), 'submit');
      await page.getByRole('status').filter({ hasText: 'Rapporten är inskickad. Tack!' }).waitFor();
      await screen('p06-report-submitted');
      console.log(`[reporter on a 390 × 844 phone] ${counter.summary()}`);
      expect(counter.fields).toHaveLength(2 * 8 + 1);
      expect(counter.taps.length).toBeLessThanOrEqual(mostActionsBeyondFields);

      const skolan = await logIn(app.url, 'skolan', DEMO_PASSWORD);
      const [listed] = await skolan.expect<{ id: string; period: string }[]>(
        200,
        'GET',
        '/api/reports?organisationId=skolan&sort=period&order=DESC',
      );
      const report = await skolan.expect<{
        status: string;
        narrative: string;
        incidents: { problem: string; category: string; assessment: { severity: number; scope: string } }[];
      }>(200, 'GET', `/api/reports/${listed!.id}`);
      expect(report.status).toBe('submitted');
      expect(report.incidents.map((i) => i.category)).toEqual(['klotter', 'skadegorelse']);
      expect(report.narrative).toMatch(/^Lugnt just nu/);
      expect(report.incidents.map((i) => [i.problem, i.assessment])).toEqual([
        [incidents[0]!.problem, { severity: 2, scope: 'EA' }],
        [incidents[1]!.problem, { severity: 3, scope: 'E' }],
      ]);
    },
    stepTimeout,
  );

  it(
    'lets the police note each statistics row and fill an incident with the keyboard alone',
    async () => {
      // The app bar hides while the page is scrolled down (react-admin): back to the top for it.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: /^Profil/ }).tap();
      await page.getByRole('menuitem', { name: 'Logga ut' }).tap();
      await logInAs('polisen');
      await page.goto(`${app.url}/#/my-report`);
      await page.locator('#statistics-category-forsok_till_bedrageri').waitFor();
      await page.locator('#statistics-category-forsok_till_bedrageri').fill('3');
      const note = page.getByRole('textbox', { name: 'Anmärkning om Försök till bedrägeri' });
      await note.fill('postnord, resebolag, klarna');
      await page.getByRole('button', { name: 'Spara statistiken' }).tap();
      await page.getByRole('status').filter({ hasText: 'Statistiken är sparad' }).waitFor();
      await screen('p07-police-statistics');

      await page.getByRole('button', { name: 'Lägg till händelse' }).focus();
      await page.keyboard.press('Enter');
      // The dialog puts the focus in Problematik itself: typing goes there without a click.
      await page.waitForFunction(() => document.activeElement?.id === 'incident-problem');
      await page.keyboard.type('Inbrott i förråd');
      // From Problematik on, Tab follows the form's order down to its buttons.
      expect(await tabOrder(page, 11)).toEqual([
        'incident-category',
        'incident-location',
        // "Välj på kartan" beside the place (issue 20).
        'incident-place-on-map',
        'incident-occurredAt',
        'incident-frequency',
        'incident-severity-first',
        'incident-scope-first',
        'incident-comment',
        // The free tags (issue 18), after the EST form's own columns.
        'incident-tags',
        'Avbryt',
        'another',
      ]);
      // Saving without a judgement is refused in words, with the focus on the first question left.
      await page.keyboard.press('Enter');
      await page.getByText('Välj ett av alternativen.').first().waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('incident-category');
      await screen('p08-incident-unanswered');
      // The arrow picks the first category (Skadegörelse) in the closed select; Tab on to Bedömning.
      await page.keyboard.press('ArrowDown');
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('incident-severity-first');
      // Arrows choose within a group (2 lindrigt, A – andra); Tab moves on (past the comment and
      // the tags) to the save button.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Spara');
      await page.keyboard.press('Enter');
      await page.getByRole('article', { name: 'Inbrott i förråd' }).waitFor();

      const police = await logIn(app.url, 'polisen', DEMO_PASSWORD);
      const [listed] = await police.expect<{ id: string }[]>(
        200,
        'GET',
        '/api/reports?organisationId=polisen&sort=period&order=DESC',
      );
      const report = await police.expect<{
        statistics: { categories: { category: string; count: number; note?: string }[] };
        incidents: { problem: string; assessment: { severity: number; scope: string } }[];
      }>(200, 'GET', `/api/reports/${listed!.id}`);
      expect(report.statistics.categories).toContainEqual({
        category: 'forsok_till_bedrageri',
        count: 3,
        note: 'postnord, resebolag, klarna',
      });
      expect(report.incidents.at(-1)).toMatchObject({
        problem: 'Inbrott i förråd',
        category: 'skadegorelse',
        assessment: { severity: 2, scope: 'A' },
      });
    },
    stepTimeout,
  );

  it(
    'finds no WCAG 2.1 AA violations, no sideways scrolling and no tap target under 44 px',
    () => {
      console.log(
        `[reporter on a phone] screens: ${Object.entries(layout)
          .map(
            ([name, { overflow, small }]) =>
              `${name} (overflow ${overflow}px, small targets ${small.length})`,
          )
          .join('; ')}`,
      );
      expect(Object.entries(violations).filter(([, list]) => list.length > 0)).toEqual([]);
      expect(Object.entries(layout).filter(([, { overflow }]) => overflow > 0)).toEqual([]);
      expect(Object.entries(layout).filter(([, { small }]) => small.length > 0)).toEqual([]);
    },
    stepTimeout,
  );
});
