import type { Page } from 'playwright-core';
import type { Clock } from '../../apps/api/src/platform/commands/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
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
 * The scene the two halves of the lägesbild journey share (lagesbild-journey: compile, mask,
 * compare, re-confirm, target group; lagesbild-publish-journey: four-eyes, publish, correct,
 * retract, history): one week with one school's report filed over HTTP, a coordinator, a reviewer,
 * and four-eyes on.
 */

/** A browser step on a busy 2-core CI machine: generous, but bounded. */
export const stepTimeout = 120_000;

/** The passwords the offices' admin and school reporter end up with. */
export const adminPassword = 'granit-älv-fyrtorn-1948';
export const reporterPassword = 'korp-ö-stol-lampa-2024';
export const reviewerPassword = 'andra-ögonparet-granskar-v48';
export const coordinatorPassword = 'måndag-förmiddag-lägesbild';
/** What the report names and the open version must not show. */
export const name = 'Kalle Svensson';
export const phone = '070-174 06 05';
/** The name the coordinator writes into Övrigt, masked, then moved by an edit (a stale mask). */
export const contact = 'Lisa Eriksson';

export interface LagesbildScene {
  app: TestApp;
  week: string;
  coordinator: Session;
  schoolId: string;
}

/** The app with Skolan (and its reporter), BF-samordnaren (and its coordinator) and Polisen. */
export interface Offices {
  app: TestApp;
  admin: Session;
  schoolId: string;
  officeId: string;
  reporter: Session;
}

/**
 * Starts the app, replaces the admin's first password, and creates the three organisations, the
 * school's reporter and the coordinator (`bf.samordnare`, with `coordinatorPassword`). Polisen
 * has not reported when the coordinator compiles.
 */
export async function startWithOffices(options: {
  coordinatorPassword: string;
  env?: Record<string, string>;
  /** The server's clock (the system's by default). */
  clock?: Clock;
}): Promise<Offices> {
  await buildAdminPanel();
  const app = await startTestApp({
    store: 'postgres',
    redis: process.env.LAGET_JOURNEY_IN_PROCESS_JOBS !== '1',
    ...(options.env ? { env: options.env } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const first = await logIn(app.url, 'admin', 'test-admin-password-1');
  await first.expect(204, 'POST', '/api/auth/password', {
    currentPassword: 'test-admin-password-1',
    newPassword: adminPassword,
  });
  const admin = await logIn(app.url, 'admin', adminPassword);
  const school = await admin.expect<{ id: string }>(201, 'POST', '/api/organisations', {
    name: 'Skolan',
    kind: 'school',
  });
  const office = await admin.expect<{ id: string }>(201, 'POST', '/api/organisations', {
    name: 'BF-samordnaren',
    kind: 'coordinator',
  });
  await admin.expect(201, 'POST', '/api/organisations', { name: 'Polisen', kind: 'police' });
  const reporter = await createLogin(
    admin,
    {
      username: 'skolan.rapportor',
      displayName: 'Sara Skolsson',
      organisationId: school.id,
      roles: ['reporter'],
    },
    reporterPassword,
  );
  await createLogin(
    admin,
    {
      username: 'bf.samordnare',
      displayName: 'Stina Samordnare',
      organisationId: office.id,
      roles: ['coordinator'],
    },
    options.coordinatorPassword,
  );
  return { app, admin, schoolId: school.id, officeId: office.id, reporter: reporter.session };
}

/** Starts the app (four-eyes on) with the offices and a reviewer, and files the school's report. */
export async function startLagesbildScene(): Promise<LagesbildScene> {
  const { app, admin, schoolId, officeId, reporter } = await startWithOffices({
    coordinatorPassword,
    env: { LAGET_FOUR_EYES: '1' },
  });
  await createLogin(
    admin,
    {
      username: 'granskare',
      displayName: 'Greta Granskare',
      organisationId: officeId,
      roles: ['reviewer'],
    },
    reviewerPassword,
  );
  const coordinator = await logIn(app.url, 'bf.samordnare', coordinatorPassword);
  const week = (await admin.expect<{ id: string }[]>(200, 'GET', '/api/periods?perPage=1'))[0]!.id;
  await fileReport(reporter, week, schoolId);
  return { app, week, coordinator, schoolId };
}

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
      category: 'skadegorelse',
      assessment: { severity: 2, scope: 'EA' },
      comment: `Vaktmästaren nås på ${phone}.`,
    },
    {
      problem: 'Skadegörelse på handfat',
      location: 'Inne på toaletten',
      occurredAt: '250107',
      frequency: 'en gång',
      category: 'skadegorelse',
      assessment: { severity: 3, scope: 'E' },
      comment: 'Söndersparkat vattenlås.',
    },
  ])
    await session.expect(201, 'POST', `/api/reports/${report.id}/incidents`, incident);
  await session.expect(200, 'POST', `/api/reports/${report.id}/submit`, {});
}

/**
 * The journey's screens: `screen` runs axe on one and keeps what it found for the last step,
 * `noViolationsStep` (called last) is that step, and a screenshot of wherever the page is is
 * taken after every step.
 */
export function journeyScreens(page: () => Page | undefined) {
  const violations: Record<string, AxeViolation[]> = {};
  afterEach(async () => {
    const current = page();
    const test = expect.getState().currentTestName ?? 'step';
    if (current) await screenshot(current, `last-${test.replace(/[^a-zåäö0-9]+/gi, '-').slice(-60)}`);
  });
  return {
    async screen(name: string, on: Page | undefined = page()): Promise<void> {
      if (!on) throw new Error(`no page to check for ${name}`);
      violations[name] = await checkScreen(on, name);
    },
    noViolationsStep(): void {
      it(
        'finds no WCAG 2.1 AA violations on the screens',
        () => {
          const found = Object.entries(violations).filter(([, list]) => list.length > 0);
          expect(found).toEqual([]);
        },
        stepTimeout,
      );
    },
  };
}

/** Logs `username` in through the login form. */
export async function logInInBrowser(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/#/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** The second pair of eyes, logged in in a browser of their own the first time they approve. */
export class Reviewer {
  browser: Browser | undefined;

  constructor(private readonly scene: () => LagesbildScene) {}

  get page(): Page {
    if (!this.browser) throw new Error('the reviewer has not logged in yet');
    return this.browser.page;
  }

  /** Approves the open version; returns the reviewer's page for a screen check. */
  async approves(): Promise<Page> {
    const { app, week } = this.scene();
    if (!this.browser) {
      this.browser = await launchBrowser();
      await logInInBrowser(this.browser.page, app.url, 'granskare', reviewerPassword);
      await this.browser.page.getByRole('heading', { name: /Hej/ }).waitFor();
    }
    const reviewer = this.browser.page;
    await reviewer.goto(`${app.url}/#/lagesbilder/${week}/show`);
    // A second visit only changes the hash: reload for the week as it is now.
    await reviewer.reload();
    await reviewer.getByRole('button', { name: 'Godkänn öppen version' }).click();
    await reviewer.getByText('Godkänd', { exact: true }).waitFor();
    return reviewer;
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}

/** Selects `text` inside the internal view's field that contains it, as a person would with the mouse. */
export async function selectText(page: Page, text: string): Promise<void> {
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

/** Puts a mask on Övrigt, then edits the text under it: the mask goes stale, as if from another tab. */
export async function makeStaleMask(coordinator: Session, week: string): Promise<void> {
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
}

/**
 * What the first half of the journey does in the browser, done over HTTP for the second half:
 * compile early, mask the name and the phone number, re-confirm the stale mask on the moved text,
 * and define the school's target-group version.
 */
export async function maskedWeekOverHttp({ coordinator, week, schoolId }: LagesbildScene): Promise<void> {
  await coordinator.expect(201, 'POST', '/api/lagesbilder', { period: week, confirmEarly: true });
  await maskEverywhere(
    coordinator,
    week,
    name,
    'GDPR art. 10',
    'Namnet pekar ut en enskild i samband med brott.',
  );
  await maskEverywhere(coordinator, week, phone, 'Uppgift om enskild', 'Telefonnumret pekar ut en enskild.');
  await makeStaleMask(coordinator, week);
  const stale = await coordinator.expect<{ id: string; stale?: boolean }[]>(
    200,
    'GET',
    `/api/lagesbilder/${week}/redactions`,
  );
  for (const redaction of stale.filter((r) => r.stale))
    await coordinator.expect(200, 'POST', `/api/lagesbilder/${week}/redactions/${redaction.id}/reconfirm`, {
      start: 'Igår: '.length,
      end: 'Igår: '.length + contact.length,
    });
  const internal = await coordinator.expect<Document>(200, 'GET', `/api/lagesbilder/${week}?view=internal`);
  const incidents = internal.sections.find((s) => s.id === 'incidents')?.items ?? [];
  const handfat = incidents.find((item) => JSON.stringify(item).includes('Skadegörelse på handfat'));
  await coordinator.expect(200, 'PUT', `/api/lagesbilder/${week}/audiences/skolan-och-fritid`, {
    title: 'Skolan och fritid',
    organisationIds: [schoolId],
    roles: [],
    sectionIds: ['incidents'],
    incidentIds: [handfat?.id],
  });
}

interface Document {
  sections: { id: string; items?: { id: string }[] }[];
}

/** Masks every occurrence of `text` in the internal version's fields. */
async function maskEverywhere(
  coordinator: Session,
  week: string,
  text: string,
  legalGround: string,
  reason: string,
): Promise<void> {
  const internal = await coordinator.expect<Document>(200, 'GET', `/api/lagesbilder/${week}?view=internal`);
  const places: { sectionId: string; path: string; start: number }[] = [];
  const visit = (value: unknown, sectionId: string, path: string) => {
    if (typeof value === 'string') {
      const start = value.indexOf(text);
      if (start >= 0) places.push({ sectionId, path, start });
    } else if (Array.isArray(value))
      value.forEach((entry, index) => visit(entry, sectionId, `${path}/${index}`));
    else if (value && typeof value === 'object')
      for (const [key, entry] of Object.entries(value)) visit(entry, sectionId, `${path}/${key}`);
  };
  for (const section of internal.sections) {
    const { id, ...fields } = section;
    visit(fields, id, '');
  }
  if (places.length === 0) throw new Error(`the internal version does not contain ${text}`);
  for (const { sectionId, path, start } of places)
    await coordinator.expect(201, 'POST', `/api/lagesbilder/${week}/redactions`, {
      sectionId,
      path,
      start,
      end: start + text.length,
      legalGround,
      reason,
    });
}
