import fc from 'fast-check';
import type { LagesbildCommand } from '../lagesbild/lagesbild.decider.js';
import { compiledAnalysis } from '../lagesbild/fixtures/analysis-reports.fixture.js';
import { scenario } from '../lagesbild/fixtures/lagesbild-scenario.js';
import { internalDocument, openDocument } from '../lagesbild/lagesbild-views.js';
import type { SubmittedReportSnapshot } from '../lagesbild/submitted-report-snapshot.js';
import { analysisFigures } from './analysis-figures.js';

/*
 * The open version's charts are computed only from what the open version holds: whatever the
 * incidents and whichever of them the coordinator leaves out (through the real redaction rules),
 * no left-out incident is counted in any open figure, its alt text or its data table, and every
 * incident kept is.
 */

const weeks = ['2025-W10', '2025-W11', '2025-W12', '2025-W13'];
const categories = ['skadegorelse', 'klotter', 'narkotika', 'ovrigt'];

const incidentArb = fc.record({
  week: fc.constantFrom(...weeks),
  category: fc.constantFrom(...categories),
  severity: fc.integer({ min: 1, max: 5 }),
  excluded: fc.boolean(),
});

interface Drawn {
  week: string;
  category: string;
  severity: number;
  excluded: boolean;
  n: number;
}

function reportsOf(incidents: Array<Drawn>): SubmittedReportSnapshot[] {
  return weeks.map((week) => ({
    reportId: `rep-${week}`,
    reportVersion: 1,
    organisationId: 'skolan',
    organisationName: 'Skolan',
    period: week,
    narrative: { kind: 'nothing_to_report' },
    incidents: incidents
      .filter((incident) => incident.week === week)
      .map((incident) => ({
        id: `inc-${incident.n}`,
        problem: `Händelse ${incident.n}`,
        // A place of its own, so that a left-out incident's place can be looked for in the figures.
        location: `Plats nummer ${incident.n}`,
        occurredAt: 'Kväll',
        frequency: 'En gång',
        assessment: { severity: incident.severity, scope: 'E' as const },
        comment: '',
        category: incident.category,
      })),
  }));
}

const sumOf = (values: string[]) => values.reduce((sum, v) => sum + (v === 'saknas' ? 0 : Number(v)), 0);

describe('open analysis figures (property)', () => {
  it('count no incident left out of the open version, and every incident kept', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { minLength: 1, maxLength: 40 }), (drawn) => {
        const incidents = drawn.map((incident, n) => ({ ...incident, n }));
        const { decider, fold } = scenario();
        let state = compiledAnalysis('2025-03', reportsOf(incidents));
        for (const incident of incidents.filter((i) => i.excluded)) {
          const index = (state.sections.find((s) => s.id === 'incidents')?.items ?? []).findIndex(
            (item) => item.id === `inc-${incident.n}`,
          );
          const command: LagesbildCommand = {
            type: 'ApplyRedaction',
            data: {
              redactionId: `red-${incident.n}`,
              sectionId: 'incidents',
              path: `/items/${index}`,
              target: { kind: 'exclude' },
              legalGround: 'OSL 26 kap. 1 §',
              reason: 'Lämnas ut ur öppen version',
              actorId: 'samordnare',
            },
          };
          state = fold(decider.decide(command, state), state);
        }
        const kept = incidents.filter((i) => !i.excluded);
        const left = incidents.filter((i) => i.excluded);

        const open = analysisFigures(openDocument(state, 1));
        const total = open.find((f) => f.id === 'handelser-totalt')!;
        expect(sumOf(total.table.rows.map((row) => row[1] ?? '0'))).toBe(kept.length);
        const perCategory = open.find((f) => f.id === 'vanligaste-kategorierna');
        expect(sumOf(perCategory?.table.rows.map((row) => row[1] ?? '0') ?? [])).toBe(kept.length);
        const everything = JSON.stringify(open.map(({ alt, table, spec }) => ({ alt, table, spec })));
        for (const incident of left) expect(everything).not.toContain(`Plats nummer ${incident.n}"`);
        for (const incident of left) expect(everything).not.toContain(`Plats nummer ${incident.n} `);

        // The internal version's figures count everything.
        const internal = analysisFigures(internalDocument(state, 1)).find(
          (f) => f.id === 'handelser-totalt',
        )!;
        expect(sumOf(internal.table.rows.map((row) => row[1] ?? '0'))).toBe(incidents.length);
      }),
      { numRuns: 60 },
    );
  });
});
