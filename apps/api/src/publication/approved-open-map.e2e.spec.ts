import { type OpenMapPreview, publicOpenMapSchema, type UnhandledSuggestion } from '@laget/contracts';
import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DEMO_PASSWORD } from '../identity/first-start.js';
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
import { publicationJobIdFor } from './publish-lagesbild.job.js';

/*
 * What is published is what the reviewer approved, the open map included (docs/adr/0030): areas
 * redrawn between approval and publication make the job refuse and the approval lapse; the
 * reviewer approves the new map, and that one is published.
 */

const PERIOD = '2024-W42';

interface Area {
  id: string;
  name: string;
  version: number;
}

async function demoPlaceIds(client: ApiClient): Promise<Map<string, string>> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const places = (
      await client.get<Array<{ id: string; name: string; areaName: string | null }>>(
        '/api/places?perPage=100',
      )
    ).body;
    const areas = (await client.get<Area[]>('/api/areas')).body;
    if (areas.length >= 4 && places.some((p) => p.name === 'Åsens torg' && p.areaName === 'Åsen'))
      return new Map(places.map((p) => [p.name, p.id]));
    if (Date.now() > deadline) throw new Error(`demo places: ${JSON.stringify(places)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeOnStores(['postgres'], 'the approved open map is the published one', (store) => {
  let app: TestApp;
  let coordinator: ApiClient;
  let reviewer: ApiClient;
  let commands: CommandRunner;
  let jobs: JobQueue;
  let projections: Projections;
  const run = (command: LagesbildCommand) =>
    commands.run(lagesbildStreamId(PERIOD), lagesbildDecider(), command, { context: systemContext() });

  /** The reviewer approves over HTTP (the handler fixes the map); suggestions are dismissed first. */
  async function approveAsReviewer(body: { openMapHash?: string | null } = {}): Promise<void> {
    let answer = await reviewer.post(`/api/lagesbilder/${PERIOD}/approve`, body);
    const waiting = (answer.body as { details?: { unhandledSuggestions?: UnhandledSuggestion[] } }).details
      ?.unhandledSuggestions;
    for (const { sectionId, path, start, end, kind } of waiting ?? []) {
      await run({
        type: 'DismissSuggestion',
        data: { sectionId, path, start, end, kind, reason: 'Påhittade uppgifter', actorId: 'c' },
      });
    }
    if (waiting) answer = await reviewer.post(`/api/lagesbilder/${PERIOD}/approve`, body);
    expect([answer.status, answer.body]).toEqual([200, expect.anything()]);
  }

  async function publish(correction?: { what: string; why: string }) {
    const requested = (
      await run({ type: 'RequestPublication', data: { actorId: 'c', ...(correction ? { correction } : {}) } })
    ).events[0]!;
    const job = await jobs.waitUntilSettled(publicationJobIdFor(requested.eventId), 60_000);
    await projections.waitUntilCaughtUp();
    return job;
  }

  beforeAll(async () => {
    app = await startTestApp({ store, env: { LAGET_DEMO: '1', LAGET_FOUR_EYES: '1' } });
    coordinator = await login(app.url, 'samordnare', DEMO_PASSWORD);
    reviewer = await login(app.url, 'granskare', DEMO_PASSWORD);
    commands = app.app.get(CommandRunner);
    jobs = app.app.get(JOB_QUEUE);
    projections = app.app.get(Projections);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('refuses to publish a map counted from areas deleted after the approval, and publishes the re-approved one', async () => {
    const placeIds = await demoPlaceIds(coordinator);
    const incident = (id: string, place: string) => ({
      id,
      problem: 'Klotter',
      location: place,
      occurredAt: 'Natt',
      frequency: 'En gång',
      assessment: { severity: 2, scope: 'E' as const },
      comment: '',
      category: 'skadegorelse',
      placeId: placeIds.get(place)!,
    });
    const report: SubmittedReportSnapshot = {
      reportId: 'rep-approved-map',
      reportVersion: 1,
      organisationId: 'nvk',
      organisationName: 'NVK',
      narrative: { kind: 'nothing_to_report' },
      incidents: [
        incident('a1', 'Åsens torg'),
        incident('a2', 'Åsens torg'),
        incident('a3', 'Åsens torg'),
        incident('t1', 'Torget'),
      ],
    };
    await run({
      type: 'CompileLagesbild',
      data: { period: PERIOD, background, reports: [report], actorId: 'c' },
    });
    const approvedPreview = (
      await reviewer.get<OpenMapPreview>(`/api/lagesbilder/${PERIOD}/open-map-preview`)
    ).body;
    expect(approvedPreview.alt).toContain('Åsen: Skadegörelse 3');
    expect(approvedPreview.hash).toMatch(/^[0-9a-f]{64}$/);
    await approveAsReviewer({ openMapHash: approvedPreview.hash });

    // The coordinator deletes Åsen after the approval: its 3 would vanish from the map unseen.
    const asen = (await coordinator.get<Area[]>('/api/areas')).body.find((a) => a.name === 'Åsen')!;
    const deleted = await coordinator.delete(`/api/areas/${asen.id}`, undefined, {
      'if-match': String(asen.version),
    });
    expect(deleted.status).toBe(200);

    const refused = await publish();
    expect(refused.state).toBe('failed');
    // Said in Swedish where the panel shows failed jobs, with what to do.
    expect(refused.error).toMatch(/Kartan för 2024-W42 är inte den som godkändes.*godkänn igen/s);
    expect((await fetch(`${app.url}/public/lagesbilder/${PERIOD}.geojson`)).status).toBe(404);
    const week = (await coordinator.get<{ status: string }>(`/api/lagesbilder/${PERIOD}`)).body;
    expect(week.status).toBe('compiled');

    // A new approval of the map as it is now, and that map is what the public gets.
    const newPreview = (await reviewer.get<OpenMapPreview>(`/api/lagesbilder/${PERIOD}/open-map-preview`))
      .body;
    expect(newPreview.alt).not.toContain('Åsen');
    // Approving with the map seen before the deletion is refused: it is not the map now.
    const stale = await reviewer.post(`/api/lagesbilder/${PERIOD}/approve`, {
      openMapHash: approvedPreview.hash,
    });
    expect([stale.status, stale.body.message]).toEqual([
      409,
      expect.stringContaining('Kartan har ändrats sedan du såg den'),
    ]);
    expect((await reviewer.post(`/api/lagesbilder/${PERIOD}/approve`, { openMapHash: 'x' })).status).toBe(
      400,
    );
    await approveAsReviewer({ openMapHash: newPreview.hash });
    const published = await publish();
    expect([published.state, published.error]).toEqual(['completed', undefined]);
    const geojson = publicOpenMapSchema.parse(
      await (await fetch(`${app.url}/public/lagesbilder/${PERIOD}.geojson`)).json(),
    );
    expect(geojson.features.map((f) => f.properties.name)).not.toContain('Åsen');
    const page = await (await fetch(`${app.url}/public/lagesbilder/${PERIOD}`)).text();
    expect(page).toContain('Centrum: Skadegörelse färre än 3');
  });
});
