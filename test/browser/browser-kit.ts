import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Helpers for the browser journeys: Debian's Chromium through playwright-core (never a browser
 * download), a fresh profile per run, screenshots under test-artifacts/, and axe-core checks.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const artifactsDir = join(root, 'test-artifacts', 'browser');

/** The newest change among the files the admin bundle is built from. */
function newestSource(): number {
  const roots = [
    'apps/admin/src',
    'apps/admin/index.html',
    'apps/admin/vite.config.ts',
    'libs/contracts/src',
    'libs/permissions/src',
  ];
  let newest = 0;
  const visit = (path: string) => {
    const stats = statSync(path);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const path of roots) visit(join(root, path));
  return newest;
}

function distIsFresh(): boolean {
  const index = join(root, 'apps/admin/dist/index.html');
  return existsSync(index) && statSync(index).mtimeMs > newestSource();
}

/**
 * Builds the admin panel the API serves at `/`, so a journey runs today's code and not an old
 * dist. Suites run in parallel: one builds (holding a lock directory), the others wait for it.
 */
export async function buildAdminPanel(): Promise<void> {
  const lock = join(root, 'apps/admin/.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (distIsFresh()) return;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${lock} is held for over 3 minutes; remove it if no build runs`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (!distIsFresh())
        execFileSync(
          process.execPath,
          [join(root, 'apps/admin/node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
          {
            cwd: join(root, 'apps/admin'),
            stdio: 'pipe',
          },
        );
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A phone as the reporter holds it: its screen, touch instead of a mouse, a phone's user agent. */
export interface Device {
  viewport: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

export async function launchBrowser(device?: Device): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'laget-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    // No fading notifications half-way through an axe contrast check.
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
    ...device,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** WCAG 2.1 A and AA violations on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force.
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Screenshot plus accessibility check of one main screen. */
export async function checkScreen(page: Page, name: string): Promise<AxeViolation[]> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  return accessibilityViolations(page);
}
