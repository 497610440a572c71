import { Injectable } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { AppConfig } from '../config/app-config.js';
import { approveAsItStands } from '../lagesbild/fixtures/approve-as-it-stands.js';
import { background } from '../lagesbild/fixtures/reports.fixture.js';
import { lagesbildDecider, lagesbildStreamId } from '../lagesbild/lagesbild.decider.js';
import type { SubmittedReportSnapshot } from '../lagesbild/submitted-report-snapshot.js';
import { SystemClock } from '../platform/commands/clock.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { systemContext } from '../platform/commands/request-context.js';
import { openStores, type Stores } from '../platform/stores.js';
import { PublicationArtefacts } from './publication-artefacts.js';
import { publishLagesbildProcessor } from './publish-lagesbild.job.js';
import { type OpenMapArea, OpenMapAreasQuery } from './queries/open-map-areas.query.js';
import { findAll, pdfStructure, pdfText, popplerAvailable, structText } from './testing/poppler.js';
import { publicationBuses } from './testing/publication-buses.js';

const square = (lon: number, lat: number): OpenMapArea['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ],
});

/** What the map feature would answer; a spec changes it to play an area redrawn after publication. */
const areasNow: { areas: OpenMapArea[]; placeAreas: Record<string, string>; minCount: number } = {
  areas: [
    { id: 'centrum', name: 'Centrum', geometry: square(15.92, 60.06) },
    { id: 'asen', name: 'Åsen', geometry: square(15.94, 60.06) },
  ],
  placeAreas: { torget: 'centrum', arenan: 'asen' },
  minCount: 3,
};

@Injectable()
@QueryHandler(OpenMapAreasQuery)
class StubAreas implements IQueryHandler<OpenMapAreasQuery> {
  async execute() {
    return structuredClone(areasNow);
  }
}

const incident = (id: string, placeId: string, category = 'skadegorelse') => ({
  id,
  problem: 'Klotter på väggen',
  location: placeId === 'torget' ? 'Torget' : 'Arenan',
  occurredAt: 'Natt',
  frequency: 'En gång',
  assessment: { severity: 2, scope: 'E' as const },
  comment: '',
  category,
  placeId,
});

// Centrum: 4 skadegörelse (one of them left out, one with its location masked: 2 count); Åsen: 3.
const report: SubmittedReportSnapshot = {
  reportId: 'rep-skolan',
  reportVersion: 1,
  organisationId: 'skolan',
  organisationName: 'Skolan',
  narrative: { kind: 'nothing_to_report' },
  incidents: [
    incident('t1', 'torget'),
    incident('t2', 'torget'),
    incident('t3', 'torget'),
    incident('t4', 'torget'),
    incident('a1', 'arenan'),
    incident('a2', 'arenan'),
    incident('a3', 'arenan'),
  ],
};

describeWith(['postgres'], 'the open map, counted at publication', () => {
  let drop: () => Promise<void>;
  let stores: Stores;
  let commands: CommandRunner;
  let artefacts: PublicationArtefacts;
  let buses: Awaited<ReturnType<typeof publicationBuses>>;
  const clock = new SystemClock();

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    stores = await openStores(
      AppConfig.fromEnvironment({ EVENT_STORE: 'postgres', DATABASE_URL: database.url }),
    );
    commands = new CommandRunner(stores.eventStore, clock);
    buses = await publicationBuses(commands, [StubAreas]);
    artefacts = await PublicationArtefacts.open(stores.readDb);
  });

  afterAll(async () => {
    await buses?.close();
    await stores?.close();
    await drop?.();
  });

  it('counts only the open rows at unmasked places, hides a cell below the minimum, and keeps the map when areas are redrawn', async () => {
    const period = '2024-W40';
    const run = (command: Parameters<ReturnType<typeof lagesbildDecider>['decide']>[0]) =>
      commands.run(lagesbildStreamId(period), lagesbildDecider(), command, { context: systemContext() });
    await run({ type: 'CompileLagesbild', data: { period, background, reports: [report], actorId: 'c' } });
    const redact = (
      redactionId: string,
      path: string,
      target: { kind: 'exclude' } | { kind: 'mask'; start: number; end: number },
    ) =>
      run({
        type: 'ApplyRedaction',
        data: {
          redactionId,
          sectionId: 'incidents',
          path,
          target,
          legalGround: 'OSL 26 kap. 1 §',
          reason: 'Test',
          actorId: 'c',
        },
      });
    await redact('r1', '/items/0', { kind: 'exclude' });
    await redact('r2', '/items/1/location', { kind: 'mask', start: 0, end: 6 });
    await approveAsItStands(run, 'c');
    await run({ type: 'RequestPublication', data: { actorId: 'c' } });

    const publish = publishLagesbildProcessor({
      ...buses,
      artefacts,
      clock,
      municipality: { name: 'Norbergs kommun' },
    });
    const result = await publish({
      id: 'job-1',
      kind: 'publish',
      payload: { period, publicationNumber: 1 },
      attempt: 1,
      maxAttempts: 1,
    });

    const map = await artefacts.openMap(period, 1);
    expect(map?.areas.map((area) => [area.name, area.cells.map((cell) => cell.count)])).toEqual([
      ['Centrum', [null]],
      ['Åsen', [3]],
    ]);
    expect(map?.areas[0]?.cells[0]).toMatchObject({ count: null, fewerThan: 3, label: 'Skadegörelse' });

    if (popplerAvailable()) {
      const pdf = await artefacts.pdf(result.pdfHash);
      const text = pdfText(pdf!).replace(/\s+/g, ' ');
      expect(text).toContain('Karta');
      expect(text).toContain('Centrum: Skadegörelse färre än 3');
      expect(text).toContain('Åsen: Skadegörelse 3');
      // Tagged: a Sect with the H2, the map as one Figure, its caption in words, and a real table.
      const karta = findAll(pdfStructure(pdf!), 'Sect').find((sect) =>
        sect.children.some((child) => child.tag === 'H2' && structText(child) === 'Karta'),
      );
      expect(karta?.children.map((child) => child.tag)).toEqual(['H2', 'P', 'Figure', 'Caption', 'Table']);
      expect(structText(karta!.children[3]!)).toContain('Centrum: Skadegörelse färre än 3');
      expect(findAll(karta!.children[4]!, 'TH').length).toBeGreaterThanOrEqual(3);
    }

    // Areas redrawn afterwards: the stored map is the one the publication keeps.
    areasNow.placeAreas = { torget: 'asen', arenan: 'asen' };
    await publish({
      id: 'job-1',
      kind: 'publish',
      payload: { period, publicationNumber: 1 },
      attempt: 2,
      maxAttempts: 2,
    });
    expect((await artefacts.openMap(period, 1))?.areas[1]?.cells[0]?.count).toBe(3);
  });
});
