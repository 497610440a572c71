import type { EventStore } from '@laget/event-store';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeWith } from '../../../../test/support/services.js';
import { adminClient } from '../identity/test/people.js';
import { Client } from '../identity/test/http-client.js';
import { approveAsItStands } from '../lagesbild/fixtures/approve-as-it-stands.js';
import { background, weekReports } from '../lagesbild/fixtures/reports.fixture.js';
import {
  type LagesbildCommand,
  lagesbildDecider,
  lagesbildStreamId,
} from '../lagesbild/lagesbild.decider.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { systemContext } from '../platform/commands/request-context.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { EVENT_STORE, JOB_QUEUE } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import { PUBLISH_LAGESBILD, publicationJobIdFor } from './publish-lagesbild.job.js';
import { axeViolations, openTestBrowser, type TestBrowser } from './testing/chromium.js';
import { normalise, pdfText, popplerAvailable } from './testing/poppler.js';
import { PublicJsonSchemaCheck } from './testing/public-json-schema.js';

const PERIOD = '2024-W48';

describeWith(['postgres', 'redis'], 'publication: from approval to the public site (BullMQ)', () => {
  let test: TestApp;
  let commands: CommandRunner;
  let jobs: JobQueue;
  let store: EventStore;
  let projections: Projections;
  let admin: Client;
  let anonymous: Client;
  /** Every public JSON this suite reads is checked against the schema the server serves. */
  let schemaCheck: PublicJsonSchemaCheck;

  const run = (command: LagesbildCommand) =>
    commands.run(lagesbildStreamId(PERIOD), lagesbildDecider(), command, { context: systemContext() });

  /** Asks for publication as the publish endpoint does and returns the job id it answers. */
  async function requestPublication(correction?: { what: string; why: string }): Promise<string> {
    const result = await run({
      type: 'RequestPublication',
      data: { actorId: 'coordinator-1', ...(correction ? { correction } : {}) },
    });
    const requested = result.events.find((event) => event.type === 'PublicationRequested');
    if (!requested) throw new Error('no PublicationRequested');
    return publicationJobIdFor(requested.eventId);
  }

  async function published(): Promise<number> {
    const events = await store.readStream(lagesbildStreamId(PERIOD));
    return events.filter((event) => event.type === 'LagesbildPublished').length;
  }

  beforeAll(async () => {
    test = await startTestApp({ redis: true, env: { LAGET_MUNICIPALITY_NAME: 'Norbergs kommun' } });
    commands = test.app.get(CommandRunner);
    jobs = test.app.get(JOB_QUEUE);
    store = test.app.get(EVENT_STORE);
    projections = test.app.get(Projections);
    admin = await adminClient(test.url);
    schemaCheck = await PublicJsonSchemaCheck.fromServer(test.url);
    anonymous = schemaCheck.watch(new Client(test.url));
  });

  afterAll(async () => {
    await test?.close();
  });

  it('answers 404 for a week that was never published, and for addresses that are not weeks', async () => {
    for (const path of [
      `/public/lagesbilder/${PERIOD}`,
      `/public/lagesbilder/${PERIOD}.pdf`,
      `/public/lagesbilder/${PERIOD}.json`,
      `/public/lagesbilder/${PERIOD}/1`,
      '/public/lagesbilder/..%2F..%2Fetc',
      '/public/lagesbilder/2024-W48.exe',
    ]) {
      expect([path, (await anonymous.get(path)).status]).toEqual([path, 404]);
    }
    const list = await anonymous.get('/public/lagesbilder');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Inga lägesbilder har publicerats ännu.');
  });

  it('publishes an approved week: job completed, page, JSON, PDF and feed entry', async () => {
    await run({
      type: 'CompileLagesbild',
      data: { period: PERIOD, background, reports: weekReports, actorId: 'coordinator-1' },
    });
    // Compiled but not approved: still nothing public.
    expect((await anonymous.get(`/public/lagesbilder/${PERIOD}`)).status).toBe(404);
    await approveAsItStands(run, 'coordinator-1');
    const jobId = await requestPublication();
    expect(jobId).toBe(`${PUBLISH_LAGESBILD}-${jobId.slice(PUBLISH_LAGESBILD.length + 1)}`);

    const settled = await jobs.waitUntilSettled(jobId, 20_000);
    expect(settled.state).toBe('completed');
    const job = await admin.get(`/api/jobs/${jobId}`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: jobId, kind: PUBLISH_LAGESBILD, state: 'completed' });
    expect(job.body.result).toMatchObject({ period: PERIOD, publicationNumber: 1 });
    expect(await published()).toBe(1);
    await projections.waitUntilCaughtUp();

    const page = await anonymous.get(`/public/lagesbilder/${PERIOD}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Lokal lägesbild avseende brottslighet och otrygghet för Norbergs kommun');
    expect(page.text).toContain('v48 2024');
    expect(page.text).toContain('Skadegörelse på handfat på Frida Hansdotter Arena');
    expect(page.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(page.headers.get('cache-control')).toContain('max-age=');

    const json = await anonymous.get(`/public/lagesbilder/${PERIOD}.json`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      period: PERIOD,
      publicationNumber: 1,
      contentHash: job.body.result.contentHash,
      document: { id: PERIOD, view: 'open', status: 'published' },
    });

    const pdf = await fetch(`${test.url}/public/lagesbilder/${PERIOD}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (popplerAvailable()) {
      const text = normalise(pdfText(bytes));
      expect(text).toContain('NORBERGS KOMMUN');
      expect(text).toContain('ÖPPEN VERSION');
    }

    const feed = await anonymous.get('/public/feed.atom');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(feed.text).toContain('Lokal lägesbild v48 2024');
    const list = await anonymous.get('/public/lagesbilder.json');
    expect(list.body.lagesbilder).toEqual([
      expect.objectContaining({ period: PERIOD, publicationNumber: 1, corrected: false }),
    ]);
    // The list and the feed name the publication by the same version: the numbered address.
    const publicationId = `${test.config.publicBaseUrl.replace(/\/+$/, '')}/public/lagesbilder/${PERIOD}/1`;
    expect(list.body.lagesbilder[0].id).toBe(publicationId);
    expect(feed.text).toContain(`<id>${publicationId}</id>`);
    // The page links the data and its schema.
    expect(page.text).toContain(
      `<link rel="describedby" type="application/schema+json" href="${list.body.$schema.split('#')[0]}" />`,
    );
    expect(schemaCheck.checked).toBeGreaterThanOrEqual(2);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await anonymous.get(`/public/lagesbilder/${PERIOD}`);
    const again = await anonymous.request('GET', `/public/lagesbilder/${PERIOD}`, undefined, {
      'if-none-match': first.headers.get('etag')!,
      // fetch adds `Cache-Control: no-cache` to conditional requests unless one is given.
      'cache-control': 'max-age=0',
    });
    expect(again.status).toBe(304);
  });

  it('creates no second publication when the trigger comes again', async () => {
    const events = await store.readStream(lagesbildStreamId(PERIOD));
    const requested = events.find((event) => event.type === 'PublicationRequested')!;
    const jobId = publicationJobIdFor(requested.eventId);
    // The reactor re-delivering the same event: the queue knows the id and ignores it.
    const before = await jobs.getJob(jobId);
    await jobs.enqueue(PUBLISH_LAGESBILD, jobId, { period: PERIOD, publicationNumber: 1 });
    expect(await jobs.getJob(jobId)).toEqual(before);
    // A job under another id for the same publication: it finds it published and records nothing.
    await jobs.enqueue(PUBLISH_LAGESBILD, `${jobId}-again`, { period: PERIOD, publicationNumber: 1 });
    const again = await jobs.waitUntilSettled(`${jobId}-again`, 20_000);
    expect(again.state).toBe('completed');
    expect(again.result).toMatchObject({ alreadyPublished: true });
    expect(await published()).toBe(1);
  });

  it('keeps a corrected week’s first publication reachable and marked as corrected', async () => {
    await run({
      type: 'EditSection',
      data: { sectionId: 'other', text: 'Rättad text om klotter i NVKs app.', actorId: 'coordinator-1' },
    });
    await approveAsItStands(run, 'coordinator-1');
    const jobId = await requestPublication({ what: 'Övrigt kompletterades.', why: 'Uppgift saknades.' });
    expect((await jobs.waitUntilSettled(jobId, 20_000)).state).toBe('completed');
    await projections.waitUntilCaughtUp();

    const latest = await anonymous.get(`/public/lagesbilder/${PERIOD}`);
    expect(latest.text).toContain('Rättelse');
    expect(latest.text).toContain('Övrigt kompletterades.');
    const first = await anonymous.get(`/public/lagesbilder/${PERIOD}/1`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('Den här versionen har rättats');
    expect((await anonymous.get(`/public/lagesbilder/${PERIOD}/1.pdf`)).status).toBe(200);
    expect((await anonymous.get(`/public/lagesbilder/${PERIOD}/2.json`)).body.publicationNumber).toBe(2);
    const feed = await anonymous.get('/public/feed.atom');
    expect(feed.text).toContain('Rättad: Lokal lägesbild v48 2024');
  });

  it('passes axe (WCAG 2.1 A/AA) on the live list and week pages', async () => {
    let browser: TestBrowser | undefined;
    try {
      browser = await openTestBrowser();
      for (const path of [
        '/public/lagesbilder',
        `/public/lagesbilder/${PERIOD}`,
        `/public/lagesbilder/${PERIOD}/1`,
      ]) {
        const page = await browser.context.newPage();
        await page.goto(`${test.url}${path}`);
        expect([path, await axeViolations(page)]).toEqual([path, []]);
        await page.close();
      }
    } finally {
      await browser?.close();
    }
  });

  it('shows jobs to coordinator and admin only', async () => {
    const events = await store.readStream(lagesbildStreamId(PERIOD));
    const requested = events.find((event) => event.type === 'PublicationRequested')!;
    const jobId = publicationJobIdFor(requested.eventId);
    expect((await anonymous.get(`/api/jobs/${jobId}`)).status).toBe(401);
    expect((await admin.get('/api/jobs/no-such-job')).status).toBe(404);
  });

  it('takes a retracted week off the site for everyone', async () => {
    await run({
      type: 'RetractPublication',
      data: { reason: 'Uppgifter om enskild', actorId: 'coordinator-1' },
    });
    await projections.waitUntilCaughtUp();
    for (const path of [
      `/public/lagesbilder/${PERIOD}`,
      `/public/lagesbilder/${PERIOD}.pdf`,
      `/public/lagesbilder/${PERIOD}/1`,
      `/public/lagesbilder/${PERIOD}/2.json`,
    ]) {
      expect([path, (await anonymous.get(path)).status]).toEqual([path, 404]);
    }
    expect((await anonymous.get('/public/lagesbilder.json')).body.lagesbilder).toEqual([]);
    expect((await anonymous.get('/public/feed.atom')).text).not.toContain('v48 2024');
  });
});

describeWith(['postgres'], 'publication without Redis: the same job in-process', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp({});
  });

  afterAll(async () => {
    await test?.close();
  });

  it('publishes an approved week and serves it', async () => {
    const commands = test.app.get(CommandRunner);
    const jobs: JobQueue = test.app.get(JOB_QUEUE);
    expect(jobs.backend).toBe('in-process');
    const run = (command: LagesbildCommand) =>
      commands.run(lagesbildStreamId(PERIOD), lagesbildDecider(), command, { context: systemContext() });
    await run({
      type: 'CompileLagesbild',
      data: { period: PERIOD, background, reports: weekReports, actorId: 'c' },
    });
    await approveAsItStands(run, 'c');
    const { events } = await run({ type: 'RequestPublication', data: { actorId: 'c' } });
    const settled = await jobs.waitUntilSettled(publicationJobIdFor(events[0]!.eventId), 20_000);
    expect(settled).toMatchObject({ state: 'completed', result: { publicationNumber: 1 } });
    await test.app.get(Projections).waitUntilCaughtUp();
    const schemaCheck = await PublicJsonSchemaCheck.fromServer(test.url);
    const page = await schemaCheck.watch(new Client(test.url)).get(`/public/lagesbilder/${PERIOD}.json`);
    expect(page.status).toBe(200);
    expect(schemaCheck.checked).toBe(1);
    expect(page.body.document.sections.length).toBeGreaterThan(0);
  });
});
