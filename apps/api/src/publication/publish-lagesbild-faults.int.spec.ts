import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, serviceAvailable } from '../../../../test/support/services.js';
import { AppConfig } from '../config/app-config.js';
import { approveAsItStands } from '../lagesbild/fixtures/approve-as-it-stands.js';
import { background, police, school, culture } from '../lagesbild/fixtures/reports.fixture.js';
import { lagesbildDecider, lagesbildStreamId } from '../lagesbild/lagesbild.decider.js';
import { SystemClock } from '../platform/commands/clock.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { systemContext } from '../platform/commands/request-context.js';
import { openStores, type Stores } from '../platform/stores.js';
import { renderLagesbildPdf } from './lagesbild-pdf.js';
import { PublicationArtefacts } from './publication-artefacts.js';
import { publicationBuses } from './testing/publication-buses.js';
import { type PublishDependencies, publishLagesbildProcessor } from './publish-lagesbild.job.js';

/**
 * Issue 13: a lone surrogate in an incident made the week's publication fail five times with no
 * word of which item was at fault. Straight to the processor, on both SQL stores.
 */
const engines = serviceAvailable('postgres') ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('publish-lagesbild with hostile or unrenderable content (%s)', (engine) => {
  let stores: Stores;
  let cleanup: () => Promise<void>;
  let commands: CommandRunner;
  let artefacts: PublicationArtefacts;
  let buses: Awaited<ReturnType<typeof publicationBuses>>;
  const clock = new SystemClock();
  let week = 20;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const database = await createTestDatabase();
      stores = await openStores(
        AppConfig.fromEnvironment({ EVENT_STORE: 'postgres', DATABASE_URL: database.url }),
      );
      cleanup = database.drop;
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'laget-publish-'));
      stores = await openStores(AppConfig.fromEnvironment({ EVENT_STORE: 'pglite', DATA_DIR: dir }));
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    commands = new CommandRunner(stores.eventStore, clock);
    buses = await publicationBuses(commands);
    artefacts = await PublicationArtefacts.open(stores.readDb);
  });
  afterAll(async () => {
    await buses?.close();
    await stores?.close();
    await cleanup?.();
  });

  /** The school's second incident holds a lone surrogate and a NUL, as events already in the log may. */
  const hostileSchool = {
    ...school,
    incidents: school.incidents.map((incident, index) =>
      index === 1 ? { ...incident, problem: 'Klotter \ud800 och\u0000 mer' } : incident,
    ),
  };

  async function approvedWeek(): Promise<string> {
    const period = `2024-W${String(week++).padStart(2, '0')}`;
    const run = (command: Parameters<ReturnType<typeof lagesbildDecider>['decide']>[0]) =>
      commands.run(lagesbildStreamId(period), lagesbildDecider(), command, { context: systemContext() });
    const reports = [police, hostileSchool, culture];
    await run({ type: 'CompileLagesbild', data: { period, background, reports, actorId: 'c' } });
    await approveAsItStands(run, 'c');
    await run({ type: 'RequestPublication', data: { actorId: 'c' } });
    return period;
  }

  const publish = (period: string, deps: Partial<PublishDependencies> = {}, attempt = 1) =>
    publishLagesbildProcessor({
      ...buses,
      artefacts,
      clock,
      municipality: { name: 'Norbergs kommun' },
      ...deps,
    })({
      id: `job-${period}`,
      kind: 'publish-lagesbild',
      payload: { period, publicationNumber: 1 },
      attempt,
      maxAttempts: 5,
    });

  const typesOf = async (period: string) =>
    (await stores.eventStore.readStream(lagesbildStreamId(period))).map((event) => event.type);

  it('publishes a week whose incident holds a lone surrogate and NUL, storing them as U+FFFD', async () => {
    const period = await approvedWeek();
    const result = await publish(period);
    expect(result.period).toBe(period);
    expect(await typesOf(period)).toContain('LagesbildPublished');
    const stored = JSON.stringify(await artefacts.content(result.contentHash));
    expect(stored).toContain('Klotter \ufffd och\ufffd mer');
  });

  it('names the section and item the PDF cannot be rendered for, and refuses at once instead of retrying', async () => {
    const period = await approvedWeek();
    const picky = (
      doc: Parameters<typeof renderLagesbildPdf>[0],
      options: Parameters<typeof renderLagesbildPdf>[1],
    ) =>
      JSON.stringify(doc).includes('\\ud800')
        ? Promise.reject(new Error('unsupported glyph'))
        : renderLagesbildPdf(doc, options);
    const failure = await publish(period, { renderPdf: picky }).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(
      /Rendering the PDF failed at section \d+ "[^"]*" \([^)]+\), \/items\/1 \(inc-3\); unusual characters at \/items\/1\/problem: U\+D800, U\+0000: unsupported glyph/,
    );
    // Refused on the first of five attempts: the coordinator may publish again after a fix.
    expect(await typesOf(period)).toContain('PublicationFailed');
  });
});
