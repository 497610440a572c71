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

/**
 * The coordinator's Monday in the browser against the real API: who has reported, compile,
 * mask a name by selecting it and a phone number by accepting Läget's suggestion, compare the
 * versions, re-confirm a mask whose text changed, define a target-group version; with
 * four-eyes on, the coordinator's own approval is refused in words and the reviewer approves in
 * a browser of their own; publish, and the public page shows the open version without them.
 * Then a correction is published and retracted, and the week's history says all of it in words.
 * The week's report is filed over HTTP first (the reporter's screens are admin-journey's).
 */
/** A browser step on a busy 2-core CI machine: generous, but bounded. */
const stepTimeout = 120_000;

describeWith(['postgres', 'redis', 'chromium'], 'lägesbild journey in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let second: Browser | undefined;
  let week = '';
  const reviewerPassword = 'andra-ögonparet-granskar-v48';
  const violations: Record<string, AxeViolation[]> = {};
  const coordinatorPassword = 'måndag-förmiddag-lägesbild';
  const name = 'Kalle Svensson';
  const phone = '070-174 06 05';
  const contact = 'Lisa Eriksson';
  let coordinator: Session;

  beforeAll(async () => {
    await buildAdminPanel();
    app = await startTestApp({
      store: 'postgres',
      redis: process.env.LAGET_JOURNEY_IN_PROCESS_JOBS !== '1',
      env: { LAGET_FOUR_EYES: '1' },
    });
    const first = await logIn(app.url, 'admin', 'test-admin-password-1');
    await first.expect(204, 'POST', '/api/auth/password', {
      currentPassword: 'test-admin-password-1',
      newPassword: 'granit-älv-fyrtorn-1948',
    });
    const admin = await logIn(app.url, 'admin', 'granit-älv-fyrtorn-1948');
    const school = await admin.expect<{ id: string }>(201, 'POST', '/api/organisations', {
      name: 'Skolan',
      kind: 'school',
    });
    const office = await admin.expect<{ id: string }>(201, 'POST', '/api/organisations', {
      name: 'BF-samordnaren',
      kind: 'coordinator',
    });
    // Has not reported when the coordinator compiles (the running week, before its deadline).
    await admin.expect(201, 'POST', '/api/organisations', { name: 'Polisen', kind: 'police' });
    const reporter = await createLogin(
      admin,
      {
        username: 'skolan.rapportor',
        displayName: 'Sara Skolsson',
        organisationId: school.id,
        roles: ['reporter'],
      },
      'korp-ö-stol-lampa-2024',
    );
    await createLogin(
      admin,
      {
        username: 'bf.samordnare',
        displayName: 'Stina Samordnare',
        organisationId: office.id,
        roles: ['coordinator'],
      },
      coordinatorPassword,
    );
    await createLogin(
      admin,
      {
        username: 'granskare',
        displayName: 'Greta Granskare',
        organisationId: office.id,
        roles: ['reviewer'],
      },
      reviewerPassword,
    );
    coordinator = await logIn(app.url, 'bf.samordnare', coordinatorPassword);
    week = (await admin.expect<{ id: string }[]>(200, 'GET', '/api/periods?perPage=1'))[0]!.id;
    await fileReport(reporter.session, week, school.id);
    browser = await launchBrowser();
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await second?.close();
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    const test = expect.getState().currentTestName ?? 'step';
    if (page) await screenshot(page, `last-${test.replace(/[^a-zåäö0-9]+/gi, '-').slice(-60)}`);
  });

  async function fileReport(session: Session, period: string, organisationId: string): Promise<void> {
    const report = await session.expect<{ id: string }>(201, 'POST', '/api/reports', {
      period,
      organisationId,
    });
    await session.expect(200, 'PATCH', `/api/reports/${report.id}`, {
      narrative: 'Lugnt just nu. Enstaka mindre skadegörelse på skolgården.',
    });
    for (const incident of [
      {
        problem: `Klotter på idrottshallens vägg, ${name} sågs på platsen`,
        location: 'Idrottshallen',
        occurredAt: 'fredag kväll',
        frequency: 'varje vecka',
        assessment: { severity: 2, scope: 'EA' },
        comment: `Vaktmästaren nås på ${phone}.`,
      },
      {
        problem: 'Skadegörelse på handfat',
        location: 'Inne på toaletten',
        occurredAt: '250107',
        frequency: 'en gång',
        assessment: { severity: 3, scope: 'E' },
        comment: 'Söndersparkat vattenlås.',
      },
    ])
      await session.expect(201, 'POST', `/api/reports/${report.id}/incidents`, incident);
    await session.expect(200, 'POST', `/api/reports/${report.id}/submit`, {});
  }

  async function screen(name: string, on: Page = page): Promise<void> {
    violations[name] = await checkScreen(on, name);
  }

  /** The second pair of eyes, logged in in a browser of their own, approves the open version. */
  async function reviewerApproves(screenName?: string): Promise<void> {
    if (!second) {
      second = await launchBrowser();
      await second.page.goto(`${app.url}/#/login`);
      await second.page.locator('#username').fill('granskare');
      await second.page.locator('#password').fill(reviewerPassword);
      await second.page.getByRole('button', { name: 'Logga in' }).click();
      await second.page.getByRole('heading', { name: /Hej/ }).waitFor();
    }
    const reviewer = second.page;
    await reviewer.goto(`${app.url}/#/lagesbilder/${week}/show`);
    // A second visit only changes the hash: reload for the week as it is now.
    await reviewer.reload();
    await reviewer.getByRole('button', { name: 'Godkänn öppen version' }).click();
    await reviewer.getByText('Godkänd', { exact: true }).waitFor();
    if (screenName) await screen(screenName, reviewer);
  }

  /** Selects `text` inside the internal view's field that contains it, as a person would with the mouse. */
  async function selectText(text: string): Promise<void> {
    await page.evaluate((wanted) => {
      const field = [...document.querySelectorAll<HTMLElement>('[data-path][data-section-id]')].find((el) =>
        (el.textContent ?? '').includes(wanted),
      );
      if (!field) throw new Error(`no field contains ${wanted}`);
      const start = (field.textContent ?? '').indexOf(wanted);
      const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (seen <= start && start <= seen + length) range.setStart(node, start - seen);
        if (seen <= start + wanted.length && start + wanted.length <= seen + length) {
          range.setEnd(node, start + wanted.length - seen);
          break;
        }
        seen += length;
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      field.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, text);
  }

  it(
    'shows the coordinator who has reported',
    async () => {
      await page.goto(`${app.url}/#/login`);
      await page.locator('#username').fill('bf.samordnare');
      await page.locator('#password').fill(coordinatorPassword);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page
        .getByRole('table', { name: 'Rapportering' })
        .getByRole('row', { name: /Skolan/ })
        .waitFor();
      await screen('20-coordinator-dashboard');
    },
    stepTimeout,
  );

  it(
    'compiles the week and masks a selected name and a suggested phone number',
    async () => {
      await page.goto(`${app.url}/#/lagesbilder/${week}/show`);
      await page.getByText('Lägesbilden för veckan är inte sammanställd ännu').waitFor();
      await screen('21-lagesbild-draft');
      await page.getByRole('button', { name: 'Sammanställ', exact: true }).click();
      // Before the deadline the panel names who has not reported and the time left, then asks.
      const early = page.getByRole('dialog', { name: 'Sammanställa före tidsfristen?' });
      await early.getByRole('list').getByText('Polisen').waitFor();
      await early.getByText(/dygn .* tim .* min/).waitFor();
      await screen('21b-early-compile');
      await early.getByRole('button', { name: 'Sammanställ ändå' }).click();
      await page.getByRole('tab', { name: 'Intern version' }).waitFor();

      await selectText(name);
      await page.getByRole('button', { name: 'Maskera markerad text' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: /Lagrum/ }).click();
      await page.getByRole('option', { name: /GDPR art\. 10/ }).click();
      await dialog
        .getByRole('textbox', { name: /Skäl/ })
        .fill('Namnet pekar ut en enskild i samband med brott.');
      await screen('22-redaction-dialog');
      await dialog.getByRole('button', { name: 'Maskera' }).click();
      await page
        .getByRole('listitem')
        .filter({ hasText: name })
        .filter({ hasText: 'GDPR art. 10' })
        .waitFor();

      // Each suggestion shows the text around it; its legal ground is the coordinator's choice, never prefilled.
      await page.getByText(`”Vaktmästaren nås på ${phone}.”`).waitFor();
      await page.getByRole('button', { name: `Maskera: ${phone}` }).click();
      const accepted = page.getByRole('dialog');
      expect(await accepted.getByRole('combobox', { name: /Lagrum/ }).inputValue()).toBe('');
      await accepted.getByRole('combobox', { name: /Lagrum/ }).click();
      await page.getByRole('option', { name: /Uppgift om enskild/ }).click();
      await accepted.getByRole('button', { name: 'Maskera' }).click();
      await page
        .getByRole('listitem')
        .filter({ hasText: phone })
        .filter({ hasText: 'Uppgift om enskild' })
        .waitFor();
      await screen('23-lagesbild-redacted');
    },
    stepTimeout,
  );

  it(
    'compares the internal and open versions side by side',
    async () => {
      await page.getByRole('tab', { name: 'Jämför intern och öppen version' }).click();
      const open = page.getByRole('region', { name: 'Öppen version' });
      await open.getByText('[maskerat]').first().waitFor();
      expect(await open.innerText()).not.toContain(name);
      await screen('24-lagesbild-compare');
      await page.setViewportSize({ width: 360, height: 740 });
      await screen('24b-lagesbild-compare-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('tab', { name: 'Intern version' }).click();
    },
    stepTimeout,
  );

  it(
    'explains why approval waits on a mask whose text changed, and re-confirms it on the new text',
    async () => {
      // Set the scene as another tab would: a mask on Övrigt, then an edit that moves the text under it.
      const other = `/api/lagesbilder/${week}/sections/other`;
      await coordinator.expect(200, 'PATCH', other, { text: `${contact} förmedlar kontakter till skolan.` });
      await coordinator.expect(201, 'POST', `/api/lagesbilder/${week}/redactions`, {
        sectionId: 'other',
        path: '/text',
        start: 0,
        end: contact.length,
        legalGround: 'GDPR art. 10',
        reason: 'Namnet pekar ut en enskild.',
      });
      await coordinator.expect(200, 'PATCH', other, {
        text: `Igår: ${contact} förmedlar kontakter till skolan.`,
      });
      await page.reload();

      const stale = page.getByRole('region', { name: 'En maskering måste ses över innan godkännandet' });
      await stale.getByText(/den öppna versionen kan inte godkännas/).waitFor();
      expect(await page.getByRole('button', { name: 'Godkänn öppen version' }).isDisabled()).toBe(true);
      await screen('27-stale-redaction');

      await stale.getByRole('button', { name: 'Bekräfta igen: Övrigt, texten' }).click();
      const dialog = page.getByRole('dialog', { name: 'Bekräfta maskeringen på den ändrade texten' });
      const typed = dialog.getByRole('textbox', { name: 'Text som maskeras' });
      // The old offsets now cover the wrong words: that is why a person has to look.
      expect(await typed.inputValue()).toBe(`Igår: ${contact}`.slice(0, contact.length));
      await typed.fill(contact);
      await screen('28-reconfirm-dialog');
      await dialog.getByRole('button', { name: 'Bekräfta igen' }).click();
      // The notice comes once the server has taken the command; the region alone may go with a
      // re-render while the page reloads its data, before that (seen on a loaded machine).
      await page.getByText('Maskeringen är bekräftad på den nya texten').waitFor();
      await stale.waitFor({ state: 'detached' });
      const open = await coordinator.expect<{ sections: { id: string; text?: string }[] }>(
        200,
        'GET',
        `/api/lagesbilder/${week}?view=open`,
      );
      expect(open.sections.find((s) => s.id === 'other')?.text).toBe(
        'Igår: [maskerat] förmedlar kontakter till skolan.',
      );
    },
    stepTimeout,
  );

  it(
    'defines a target-group version for the school and previews it as its readers see it',
    async () => {
      const panel = page.getByRole('region', { name: 'Målgruppsversioner' });
      await panel.getByRole('button', { name: 'Ny målgruppsversion' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny målgruppsversion' });
      await dialog.getByRole('textbox', { name: 'Rubrik' }).fill('Skolan och fritid');
      expect(await dialog.getByRole('textbox', { name: 'Kortnamn' }).inputValue()).toBe('skolan-och-fritid');
      await dialog.getByRole('checkbox', { name: 'Skolan', exact: true }).check();
      await dialog.getByRole('checkbox', { name: 'Inrapporterade händelser för perioden' }).check();
      await dialog.getByRole('radio', { name: 'Bara valda händelser' }).check();
      await dialog.getByRole('checkbox', { name: /Skadegörelse på handfat/ }).check();
      await screen('29-audience-dialog');
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await dialog.waitFor({ state: 'detached' });
      await panel.getByText('Skolan och fritid').waitFor();

      await panel.getByRole('button', { name: 'Förhandsgranska: Skolan och fritid' }).click();
      const preview = page.getByRole('dialog', { name: 'Målgruppsversion: Skolan och fritid' });
      await preview.getByText('Skadegörelse på handfat').waitFor();
      expect(await preview.innerText()).not.toContain('Klotter på idrottshallens vägg');
      await screen('30-audience-preview');
      await preview.getByRole('button', { name: 'Stäng' }).click();
      await preview.waitFor({ state: 'detached' });
    },
    stepTimeout,
  );

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

      await page.goto(`${app.url}/public/lagesbilder/${week}`);
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
      await page.goto(`${app.url}/#/lagesbilder/${week}/show`);
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
            error: `The open version of ${week} hashes to abc, not the approved def`,
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
        status = (await fetch(`${app.url}/public/lagesbilder/${week}.json`)).status;
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
      const reviewer = second!.page;
      await reviewer.goto(`${app.url}/#/lagesbilder/${week}/history`);
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

  it(
    'finds no WCAG 2.1 AA violations on the screens',
    () => {
      const found = Object.entries(violations).filter(([, list]) => list.length > 0);
      expect(found).toEqual([]);
    },
    stepTimeout,
  );
});
