import { type OpenMapPreview, publicOpenMapSchema } from '@laget/contracts';
import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DEMO_PASSWORD } from '../identity/first-start.js';
import { approveAsItStands } from '../lagesbild/fixtures/approve-as-it-stands.js';
import { background } from '../lagesbild/fixtures/reports.fixture.js';
import {
  type LagesbildCommand,
  lagesbildDecider,
  lagesbildStreamId,
} from '../lagesbild/lagesbild.decider.js';
import type { SubmittedReportSnapshot } from '../lagesbild/submitted-report-snapshot.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { systemContext } from '../platform/commands/request-context.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import { login, type ApiClient } from '../reporting/testing/http-kit.js';
import { escapeHtml } from './html.js';
import { publicationJobIdFor } from './publish-lagesbild.job.js';
import { normalise, pdfText, popplerAvailable } from './testing/poppler.js';

const PERIOD = '2024-W40';

interface Place {
  id: string;
  name: string;
  areaName: string | null;
}
interface Area {
  id: string;
  name: string;
  version: number;
  geometry: unknown;
}

/** Polls until the demo has drawn its areas and placed its places in them (it runs beside the start). */
async function demoPlaces(client: ApiClient): Promise<Place[]> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const places = (await client.get<Place[]>('/api/places?perPage=100')).body;
    const areas = (await client.get<Area[]>('/api/areas')).body;
    if (
      areas.length >= 4 &&
      places.some((p) => p.name === 'Kärrgruvans skola' && p.areaName === 'Kärrgruvan')
    )
      return places;
    if (Date.now() > deadline) throw new Error(`demo places: ${JSON.stringify(places)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeOnStores(['postgres'], 'the open map of a published week over HTTP', (store) => {
  let app: TestApp;
  let coordinator: ApiClient;
  let commands: CommandRunner;
  let jobs: JobQueue;
  let projections: Projections;
  const anonymous = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { headers });

  beforeAll(async () => {
    app = await startTestApp({ store, env: { LAGET_DEMO: '1', LAGET_MUNICIPALITY_NAME: 'Norbergs kommun' } });
    coordinator = await login(app.url, 'samordnare', DEMO_PASSWORD);
    commands = app.app.get(CommandRunner);
    jobs = app.app.get(JOB_QUEUE);
    projections = app.app.get(Projections);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('publishes counts per area and category: a left-out row and a masked location are not counted, a cell below 3 reads “färre än 3”', async () => {
    const places = await demoPlaces(coordinator);
    const placeId = (name: string) => places.find((p) => p.name === name)!.id;
    const incident = (id: string, place: string, location: string) => ({
      id,
      problem: 'Klotter',
      location,
      occurredAt: 'Natt',
      frequency: 'En gång',
      assessment: { severity: 2, scope: 'E' as const },
      comment: '',
      category: 'skadegorelse',
      placeId: placeId(place),
    });
    // Centrum: 4 at Torget, one masked → 3. Kärrgruvan: 3 at the school, one left out → 2 (hidden).
    // Åsen: 1 (hidden). Olovsbo: none (0).
    const report: SubmittedReportSnapshot = {
      reportId: 'rep-open-map',
      reportVersion: 1,
      organisationId: 'nvk',
      organisationName: 'NVK',
      narrative: { kind: 'nothing_to_report' },
      incidents: [
        incident('c1', 'Torget', 'Torget'),
        incident('c2', 'Torget', 'Torget'),
        incident('c3', 'Torget', 'Torget'),
        incident('c4', 'Torget', 'Torget vid Storgatan 3'),
        incident('k1', 'Kärrgruvans skola', 'Skolan'),
        incident('k2', 'Kärrgruvans skola', 'Skolan'),
        incident('k3', 'Kärrgruvans skola', 'Skolan'),
        incident('a1', 'Åsens torg', 'Åsens torg'),
      ],
    };
    const run = (command: LagesbildCommand) =>
      commands.run(lagesbildStreamId(PERIOD), lagesbildDecider(), command, { context: systemContext() });
    await run({
      type: 'CompileLagesbild',
      data: { period: PERIOD, background, reports: [report], actorId: 'c' },
    });
    const redact = (
      path: string,
      target: { kind: 'exclude' } | { kind: 'mask'; start: number; end: number },
    ) =>
      run({
        type: 'ApplyRedaction',
        data: {
          redactionId: `r-${path}`,
          sectionId: 'incidents',
          path,
          target,
          legalGround: 'OSL 26 kap. 1 §',
          reason: 'Test',
          actorId: 'c',
        },
      });
    await redact('/items/3/location', { kind: 'mask', start: 10, end: 22 });
    await redact('/items/6', { kind: 'exclude' });
    // Before approval the reviewer sees the map the approval will publish (counted now, not stored).
    const reviewer = await login(app.url, 'granskare', DEMO_PASSWORD);
    const preview = await reviewer.get<OpenMapPreview>(`/api/lagesbilder/${PERIOD}/open-map-preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.minCount).toBe(3);
    expect(preview.body.svg).toMatch(/^<svg /);
    expect(preview.body.alt).toContain('Kärrgruvan: Skadegörelse färre än 3');
    expect(preview.body.alt).toContain('Centrum: Skadegörelse 3');
    expect(JSON.stringify(preview.body)).not.toContain('Storgatan');
    expect((await coordinator.get(`/api/lagesbilder/${PERIOD}/open-map-preview`)).body).toEqual(preview.body);
    const reporter = await login(app.url, 'nvk', DEMO_PASSWORD);
    expect((await reporter.get(`/api/lagesbilder/${PERIOD}/open-map-preview`)).status).toBe(403);
    expect((await anonymous(`/api/lagesbilder/${PERIOD}/open-map-preview`)).status).toBe(401);
    await approveAsItStands(run, 'c');
    const requested = (await run({ type: 'RequestPublication', data: { actorId: 'c' } })).events[0]!;
    expect((await jobs.waitUntilSettled(publicationJobIdFor(requested.eventId), 60_000)).state).toBe(
      'completed',
    );
    await projections.waitUntilCaughtUp();

    const answer = await anonymous(`/public/lagesbilder/${PERIOD}.geojson`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const body = await answer.text();
    const geojson = publicOpenMapSchema.parse(JSON.parse(body));
    expect(geojson.minCount).toBe(3);
    expect(geojson.features.map((f) => [f.properties.name, f.properties.cells.map((c) => c.count)])).toEqual([
      ['Centrum', [3]],
      ['Kärrgruvan', [null]],
      ['Olovsbo', [0]],
      ['Åsen', [null]],
    ]);
    expect(geojson.features[1]!.properties.cells[0]).toEqual({
      category: 'skadegorelse',
      label: 'Skadegörelse',
      count: null,
      fewerThan: 3,
    });
    expect(body).not.toMatch(/"Point"|placeId|"total"/);

    // Cached and revalidated like the JSON.
    const etag = answer.headers.get('etag')!;
    // fetch adds `Cache-Control: no-cache` to conditional requests unless one is given.
    const again = await anonymous(`/public/lagesbilder/${PERIOD}.geojson`, {
      'if-none-match': etag,
      'cache-control': 'max-age=0',
    });
    expect(again.status).toBe(304);
    expect((await anonymous(`/public/lagesbilder/${PERIOD}/1.geojson`)).status).toBe(200);
    // The week's JSON links its map; the link is the publication's own, which never changes.
    const json = (await (await anonymous(`/public/lagesbilder/${PERIOD}.json`)).json()) as {
      map: string | null;
    };
    expect(json.map).toMatch(new RegExp(`/public/lagesbilder/${PERIOD}/1\\.geojson$`));
    expect((await anonymous(new URL(json.map!).pathname)).status).toBe(200);

    // The page and the PDF say the same, and so did the reviewer's preview.
    const page = await (await anonymous(`/public/lagesbilder/${PERIOD}`)).text();
    expect(page).toContain(escapeHtml(preview.body.alt!));
    expect(page).toContain('<h2 id="karta">Karta</h2>');
    expect(page).toContain('Kärrgruvan: Skadegörelse färre än 3');
    expect(page).toContain(`/public/lagesbilder/${PERIOD}.geojson`);
    if (popplerAvailable()) {
      const pdf = Buffer.from(await (await anonymous(`/public/lagesbilder/${PERIOD}.pdf`)).arrayBuffer());
      const text = normalise(pdfText(pdf));
      expect(text).toContain('Karta');
      expect(text).toContain('Centrum: Skadegörelse 3');
      expect(text).toContain('Åsen: Skadegörelse färre än 3');
    }

    // Areas redrawn after publication: the published map stands.
    const areas = (await coordinator.get<Area[]>('/api/areas')).body;
    const asen = areas.find((a) => a.name === 'Åsen')!;
    expect(
      (await coordinator.delete(`/api/areas/${asen.id}`, undefined, { 'if-match': String(asen.version) }))
        .status,
    ).toBe(200);
    expect(await (await anonymous(`/public/lagesbilder/${PERIOD}.geojson`)).text()).toBe(body);

    // Retracted: the map goes with the week.
    await run({ type: 'RetractPublication', data: { reason: 'Fel vecka', actorId: 'c' } });
    await projections.waitUntilCaughtUp();
    expect((await anonymous(`/public/lagesbilder/${PERIOD}.geojson`)).status).toBe(404);
    expect((await anonymous(`/public/lagesbilder/${PERIOD}/1.geojson`)).status).toBe(404);
  });

  it('answers 404 for a week without a publication, and for hostile names (400 for NUL and U+FFFF)', async () => {
    for (const path of [
      '/public/lagesbilder/2024-W41.geojson',
      '/public/lagesbilder/__proto__.geojson',
      '/public/lagesbilder/constructor.geojson',
      '/public/lagesbilder/%00.geojson',
      '/public/lagesbilder/2024-W40.geojson.exe',
      `/public/lagesbilder/${PERIOD}/9.geojson`,
      '/public/lagesbilder/%EF%BF%BF.geojson',
    ]) {
      // NUL and U+FFFF in an address are refused before routing (400): never a 500, never a map.
      const expected = /%00|%EF%BF%BF/.test(path) ? 400 : 404;
      expect([path, (await anonymous(path)).status]).toEqual([path, expected]);
    }
  });
});
