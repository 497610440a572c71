import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@laget/event-store';
import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DEMO_PASSWORD } from '../identity/first-start.js';
import { FixedClock } from '../platform/commands/clock.js';
import { EVENT_STORE } from '../platform/platform.tokens.js';
import { login, type ApiClient } from '../reporting/testing/http-kit.js';

/** The text of each page of a PDF, by poppler's pdftotext (form feeds between pages). */
function pagesOf(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'laget-pdf-'));
  try {
    writeFileSync(join(dir, 'v.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'v.pdf'), '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((page) => page.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeOnStores(['postgres'], 'a version of the lägesbild as PDF', (store) => {
  let app: TestApp;
  const clock = new FixedClock(new Date('2024-12-02T10:00:00+01:00'));
  let coordinator: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ store, clock, env: { LAGET_DEMO: '1' } });
    coordinator = await login(app.url, 'samordnare', DEMO_PASSWORD);
    // The demo week is filed in the background at start: compile once all six have reported.
    for (let tries = 0; tries < 100; tries += 1) {
      const reports = await coordinator.get<{ status: string }[]>('/api/reports?period=2024-W48');
      if (Array.isArray(reports.body) && reports.body.filter((r) => r.status === 'submitted').length >= 6)
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const compiled = await coordinator.post('/api/lagesbilder', { period: '2024-W48' });
    if (compiled.status !== 201)
      throw new Error(`compile: ${compiled.status} ${JSON.stringify(compiled.body)}`);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('gives the EST group the internal version marked confidential on every page, and records the download', async () => {
    const est = await login(app.url, 'est', DEMO_PASSWORD);
    const answer = await est.bytes('/api/lagesbilder/2024-W48/pdf?view=internal');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(answer.headers.get('cache-control')).toContain('no-store');
    expect(answer.headers.get('content-disposition')).toContain('lagesbild-2024-W48-intern.pdf');
    expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
    const reads = await app.app.get<EventStore>(EVENT_STORE).readStream('lagesbildread-2024-W48');
    expect(reads.at(-1)).toMatchObject({ type: 'LagesbildViewRead', data: { view: 'internal' } });
  });

  it('writes the marking on every page of the internal PDF and holds the week’s incidents', async () => {
    const internal = await fetchPdf(coordinator, '/api/lagesbilder/2024-W48/pdf?view=internal');
    const pages = pagesOf(internal);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain('Intern – omfattas av sekretess');
    expect(pages.join('\n')).toContain('Söndersparkat vattenlås.');
  });

  it('refuses a reporter the internal version, a draft PDF and a hostile view', async () => {
    const reporter = await login(app.url, 'skolan', DEMO_PASSWORD);
    expect((await reporter.get('/api/lagesbilder/2024-W48/pdf?view=internal')).status).toBe(403);
    for (const view of ['draft', '__proto__', 'audience:', 'audience:%00', 'x'.repeat(2000)]) {
      expect((await coordinator.get(`/api/lagesbilder/2024-W48/pdf?view=${view}`)).status).toBe(400);
    }
    expect((await coordinator.get('/api/lagesbilder/__proto__/pdf')).status).toBe(400);
    expect((await fetch(`${app.url}/api/lagesbilder/2024-W48/pdf`)).status).toBe(401);
  });
});

async function fetchPdf(client: ApiClient, path: string): Promise<Buffer> {
  const answer = await client.bytes(path);
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.body.toString()}`);
  return answer.body;
}
