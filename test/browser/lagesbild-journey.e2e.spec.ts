import type { Page } from 'playwright-core';
import { describeWith } from '../support/services.js';
import { launchBrowser, type Browser } from './browser-kit.js';
import {
  contact,
  journeyScreens,
  coordinatorPassword,
  logInInBrowser,
  makeStaleMask,
  name,
  phone,
  selectText,
  startLagesbildScene,
  stepTimeout,
  type LagesbildScene,
} from './lagesbild-kit.js';

/**
 * The coordinator's Monday in the browser against the real API, first half: who has reported,
 * compile, mask a name by selecting it and a phone number by accepting Läget's suggestion,
 * compare the versions, re-confirm a mask whose text changed, define a target-group version.
 * The second half (four-eyes, publish, correct, retract, the history) is
 * lagesbild-publish-journey. The week's report is filed over HTTP first (the reporter's screens
 * are admin-journey's).
 */
describeWith(['postgres', 'redis', 'chromium'], 'lägesbild journey in the browser', () => {
  let scene: LagesbildScene;
  let browser: Browser;
  let page: Page;
  const { screen, noViolationsStep } = journeyScreens(() => page);

  beforeAll(async () => {
    scene = await startLagesbildScene();
    browser = await launchBrowser();
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await scene?.app.close();
  });

  it(
    'shows the coordinator who has reported',
    async () => {
      await logInInBrowser(page, scene.app.url, 'bf.samordnare', coordinatorPassword);
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
      await page.goto(`${scene.app.url}/#/lagesbilder/${scene.week}/show`);
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

      await selectText(page, name);
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
      await makeStaleMask(scene.coordinator, scene.week);
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
      const open = await scene.coordinator.expect<{ sections: { id: string; text?: string }[] }>(
        200,
        'GET',
        `/api/lagesbilder/${scene.week}?view=open`,
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

  noViolationsStep();
});
