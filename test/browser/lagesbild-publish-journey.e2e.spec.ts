import type { Page } from 'playwright-core';
import { describeWith } from '../support/services.js';
import { launchBrowser, screenshot, type Browser } from './browser-kit.js';
import {
  contact,
  journeyScreens,
  coordinatorPassword,
  logInInBrowser,
  maskedWeekOverHttp,
  name,
  phone,
  Reviewer,
  startLagesbildScene,
  stepTimeout,
  type LagesbildScene,
} from './lagesbild-kit.js';

/**
 * The coordinator's Monday in the browser against the real API, second half: with four-eyes on,
 * the coordinator's own approval is refused in words and the reviewer approves in a browser of
 * their own; publish, and the public page shows the open version without the masked name and
 * phone number. Then a correction is published and retracted, and the week's history says all of
 * it in words. What the first half (lagesbild-journey) does in the browser (compile, masks, the
 * re-confirmed mask, the target group) is done over HTTP first.
 */
describeWith(['postgres', 'redis', 'chromium'], 'lägesbild publication journey in the browser', () => {
  let scene: LagesbildScene;
  let browser: Browser;
  let page: Page;
  const secondEyes = new Reviewer(() => scene);
  const { screen, noViolationsStep } = journeyScreens(() => page);

  beforeAll(async () => {
    scene = await startLagesbildScene();
    await maskedWeekOverHttp(scene);
    browser = await launchBrowser();
    page = browser.page;
    await logInInBrowser(page, scene.app.url, 'bf.samordnare', coordinatorPassword);
    await page.getByRole('heading', { name: /Hej/ }).waitFor();
    await page.goto(`${scene.app.url}/#/lagesbilder/${scene.week}/show`);
    await page.getByRole('tab', { name: 'Intern version' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await secondEyes.close();
    await browser?.close();
    await scene?.app.close();
  });

  /** The reviewer approves the open version in their own browser. */
  async function reviewerApproves(screenName?: string): Promise<void> {
    const approved = await secondEyes.approves();
    if (screenName) await screen(screenName, approved);
  }

  it(
    'refuses the coordinator’s own approval in words, the reviewer approves, and it is published with visible progress; the public page holds no masked text',
    async () => {
      await page.getByRole('button', { name: 'Godkänn öppen version' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Fyraögonsprincipen gäller: någon annan än den som senast redigerade' })
        .waitFor();
      expect(await page.getByRole('alert').allInnerTexts()).not.toContainEqual(
        expect.stringContaining('Four-eyes'),
      );
      await screen('25a-four-eyes-refusal');
      await reviewerApproves('25b-reviewer-approves');
      await page.reload();
      await page.getByRole('button', { name: 'Publicera' }).click();
      const confirm = page.getByRole('dialog', { name: 'Publicera' });
      await confirm.getByText(/blir synlig för alla på kommunens webbplats/).waitFor();
      await confirm.getByRole('button', { name: 'Publicera' }).click();
      await page.getByRole('link', { name: 'Visa den publicerade sidan' }).waitFor({ timeout: 60_000 });
      await screen('25-lagesbild-published');

      await page.goto(`${scene.app.url}/public/lagesbilder/${scene.week}`);
      const published = await page.locator('body').innerText();
      expect(published).toContain('Klotter på idrottshallens vägg');
      expect(published).not.toContain(name);
      expect(published).not.toContain(phone);
      await screenshot(page, '26-public-page');
    },
    stepTimeout,
  );

  it(
    'publishes a correction with a note, then retracts the week from the public site',
    async () => {
      await page.goto(`${scene.app.url}/#/lagesbilder/${scene.week}/show`);
      await page.getByText('Publicerad (publicering 1)').waitFor();
      const conclusions = page.getByRole('region', { name: 'Slutsatser' });
      await conclusions.getByRole('button', { name: 'Redigera avsnittet' }).click();
      const editor = page.getByRole('dialog');
      await editor.getByRole('textbox', { name: 'Redigera avsnittet' }).fill('Klottret anmäls till polisen.');
      await editor.getByRole('button', { name: 'Spara' }).click();
      await editor.waitFor({ state: 'detached' });

      await reviewerApproves();
      await page.reload();
      await page.getByRole('textbox', { name: 'Vad har rättats?' }).fill('Slutsatserna kompletterades');
      await page.getByRole('textbox', { name: 'Varför?' }).fill('Polisanmälan saknades');
      await page.getByRole('button', { name: 'Publicera rättelse' }).click();
      const confirm = page.getByRole('dialog', { name: 'Publicera rättelse' });
      await confirm.getByText(/Rättelsen ersätter den publicerade versionen/).waitFor();
      await screen('31-publish-correction');
      // A publication cannot be made to fail from outside, so for one look the panel is told its
      // job failed, in the words the publication processor uses, while the real job carries on.
      const jobs = (url: URL) => url.pathname.startsWith('/api/jobs/');
      await page.route(jobs, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            id: 'publish-failed-look',
            kind: 'publish-lagesbild',
            state: 'failed',
            attempts: 5,
            error: `The open version of ${scene.week} hashes to abc, not the approved def`,
          }),
        }),
      );
      await confirm.getByRole('button', { name: 'Publicera rättelse' }).click();
      const progress = page.getByRole('status').filter({ hasText: 'Publiceringen misslyckades' });
      await progress
        .getByText(
          'Publiceringen misslyckades: Den öppna versionen stämde inte med den som godkändes, så den publicerades inte.',
        )
        .waitFor();
      expect(await progress.locator('[lang="en"]').innerText()).toContain('hashes to abc');
      expect(await progress.innerText()).toContain('Tekniskt fel:');
      await screen('31b-publish-failed');
      await page.unroute(jobs);
      await page.reload();
      await page.getByText('Publicerad (publicering 2)').waitFor({ timeout: 60_000 });

      await page.getByRole('button', { name: 'Dra tillbaka publiceringen' }).click();
      const retract = page.getByRole('dialog', { name: 'Dra tillbaka publiceringen' });
      await retract
        .getByRole('textbox', { name: /Varför publiceringen dras tillbaka/ })
        .fill('Fel skola angiven');
      await screen('32-retract-dialog');
      await retract.getByRole('button', { name: 'Dra tillbaka publiceringen' }).click();
      await page.getByText(/Publiceringen är tillbakadragen och syns inte för allmänheten/).waitFor();

      let status = 0;
      for (let tries = 0; tries < 50 && status !== 404; tries++) {
        status = (await fetch(`${scene.app.url}/public/lagesbilder/${scene.week}.json`)).status;
        if (status !== 404) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(404);
    },
    stepTimeout,
  );

  it(
    'tells the history of the week in words: who did what, when, why, and what changed',
    async () => {
      await page.getByRole('link', { name: 'Historik', exact: true }).click();
      const timeline = page.getByRole('list', { name: /Historik för lägesbild/ });
      await timeline.getByText('Drog tillbaka publicering 2').waitFor();
      const text = await timeline.innerText();
      expect(text).toContain('Fel skola angiven');
      expect(text).toContain('Begärde publicering 2 som rättelse');
      expect(text).toContain('Polisanmälan saknades');
      expect(text).toContain('Bekräftade en maskering i ”Övrigt” på den ändrade texten');
      expect(text).toContain(`före: 0–${contact.length} → efter: 6–${6 + contact.length}`);
      expect(text).toContain('Skapade målgruppsversionen ”skolan-och-fritid”');
      expect(text).toContain('GDPR art. 10');
      // The coordinator may list logins: the reviewer who approved is named, not shown as an id.
      expect(text).toContain('Stina Samordnare');
      expect(text).toContain('Greta Granskare');
      expect(text).not.toMatch(/annan användare \([0-9a-f]{8}-/);
      expect(text).not.toContain('Läste den interna versionen');
      await screen('33-lagesbild-history');

      await page.getByLabel(/Visa läsningar av interna versioner/).check();
      await timeline
        .getByText(/Läste den interna versionen/)
        .first()
        .waitFor();
      await page.setViewportSize({ width: 360, height: 740 });
      await screen('33b-lagesbild-history-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.setViewportSize({ width: 1280, height: 900 });
    },
    stepTimeout,
  );

  it(
    'still tells the history when the logins cannot be listed, naming the reader at least',
    async () => {
      // The list of logins is only for names: a failing request must not cost the history.
      const usersList = (url: URL) => url.pathname === '/api/users';
      await page.route(usersList, (route) => route.fulfill({ status: 503, body: '' }));
      await page.reload();
      const timeline = page.getByRole('list', { name: /Historik för lägesbild/ });
      await timeline.getByText('Drog tillbaka publicering 2').waitFor();
      expect(await timeline.innerText()).toContain('Stina Samordnare');
      await page.unroute(usersList);

      // The reviewer may not list logins: she is named, the coordinator is an id as before.
      const reviewer = secondEyes.page;
      await reviewer.goto(`${scene.app.url}/#/lagesbilder/${scene.week}/history`);
      await reviewer.reload();
      const seen = reviewer.getByRole('list', { name: /Historik för lägesbild/ });
      await seen.getByText('Drog tillbaka publicering 2').waitFor();
      const text = await seen.innerText();
      expect(text).toContain('Greta Granskare');
      expect(text).not.toContain('Stina Samordnare');
      expect(text).toMatch(/Läget eller annan användare \([0-9a-f]{8}-/);
    },
    stepTimeout,
  );

  noViolationsStep();
});
