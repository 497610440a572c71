import type { IncidentItem, StatisticItem } from '@laget/contracts';
import { analysisReports, compiledAnalysis } from './fixtures/analysis-reports.fixture.js';
import { scenario } from './fixtures/lagesbild-scenario.js';
import { background } from './fixtures/reports.fixture.js';
import { school } from './fixtures/reports.fixture.js';
import { coordinator } from './fixtures/decider-commands.js';
import { UNCATEGORISED } from './analysis-layout.js';
import { openDocument } from './lagesbild-views.js';
import { redactionSuggestions } from './redaction-suggestions.js';

describe('a period analysis compiled from its weeks', () => {
  const reports = analysisReports('2025-03', {
    organisations: 3,
    incidentsPerReport: 2,
    missingWeeks: ['2025-W11'],
  });

  it('takes every organisation’s report of every week (several per organisation), with the week on each incident', () => {
    const { given } = scenario();
    const events = given()
      .when({
        type: 'CompileLagesbild',
        data: { period: '2025-03', background, reports, actorId: coordinator },
      })
      .events();
    expect(events).toHaveLength(1);
    const state = compiledAnalysis('2025-03', reports);
    const incidents = state.sections.find((s) => s.kind === 'incidents')?.items as IncidentItem[];
    expect(incidents).toHaveLength(3 * 3 * 2);
    expect(new Set(incidents.map((item) => item.period))).toEqual(
      new Set(['2025-W10', '2025-W12', '2025-W13']),
    );
    expect(state.sections.find((s) => s.kind === 'incidents')?.text).toBe(
      'Underlag: inskickade rapporter för 2025-W10, 2025-W12, 2025-W13.',
    );
  });

  it('sums the police statistics of the weeks per kind', () => {
    const state = compiledAnalysis('2025-03', reports);
    const rows = state.sections.find((s) => s.kind === 'police_statistics')?.items as StatisticItem[];
    const expected = reports
      .flatMap((r) => r.statistics?.items ?? [])
      .filter((row) => row.key === 'handelserapporter')
      .reduce((sum, row) => sum + row.count, 0);
    expect(rows.find((row) => row.key === 'handelserapporter')).toMatchObject({
      id: 'sum-handelserapporter',
      count: expected,
    });
  });

  it('has sections for the coordinator’s analysis and the EST group’s conclusions, and the previous period when there is one', () => {
    const state = compiledAnalysis('2025-03', reports, {
      period: '2025-02',
      counts: [{ key: 'klotter', label: 'Klotter', count: 3 }],
    });
    expect(state.sections.map((s) => [s.id, s.title])).toEqual([
      ['background', 'Bakgrund'],
      ['incidents', 'Händelser under perioden'],
      ['police-statistics', 'Polisens statistik, summerad för perioden'],
      ['previous-period', 'Föregående period (2025-02)'],
      ['coordinator-report', 'Samordnarens analys'],
      ['other', 'Övrigt'],
      ['conclusions', 'EST-gruppens slutsatser'],
    ]);
  });

  it('counts an incident without a category as okategoriserad', () => {
    const state = compiledAnalysis('2025-03', [
      { ...school, period: '2025-W10', incidents: school.incidents.map(({ category: _c, ...rest }) => rest) },
    ]);
    const incidents = state.sections.find((s) => s.kind === 'incidents')?.items as IncidentItem[];
    expect(incidents.every((item) => item.category === UNCATEGORISED)).toBe(true);
  });

  it('still refuses the same report twice, and a take-in (an analysis is compiled from the weeks, not report by report)', () => {
    const { given, history } = scenario();
    const [first] = reports;
    given()
      .when({
        type: 'CompileLagesbild',
        data: { period: '2025-03', background, reports: [first!, first!], actorId: coordinator },
      })
      .thenRefuses('invalid');
    const compiled = history({
      type: 'CompileLagesbild',
      data: { period: '2025-03', background, reports, actorId: coordinator },
    });
    given(...compiled)
      .when({
        type: 'TakeInReport',
        data: { report: { ...first!, reportVersion: 2 }, reason: 'Rättad', actorId: coordinator },
      })
      .thenRefuses('rule', /period analysis/);
  });

  it('refuses to mask an incident’s week or category (the charts count by them): the item is left out instead', () => {
    const { given, history } = scenario();
    const compiled = history({
      type: 'CompileLagesbild',
      data: { period: '2025-03', background, reports, actorId: coordinator },
    });
    for (const field of ['period', 'category']) {
      given(...compiled)
        .when({
          type: 'ApplyRedaction',
          data: {
            redactionId: 'red-1',
            sectionId: 'incidents',
            path: `/items/0/${field}`,
            target: { kind: 'mask', start: 0, end: 3 },
            legalGround: 'OSL 26 kap. 1 §',
            reason: 'Prov',
            actorId: coordinator,
          },
        })
        .thenRefuses('invalid', /not a text field/);
    }
  });

  it('keeps the category label the snapshot was gathered with', () => {
    const labelled = reports.map((report) => ({
      ...report,
      incidents: report.incidents.map((incident) => ({
        ...incident,
        categoryLabel: `Egen ${incident.category}`,
      })),
    }));
    const incidents = compiledAnalysis('2025-03', labelled).sections.find((s) => s.kind === 'incidents')
      ?.items as IncidentItem[];
    expect(incidents.every((item) => item.categoryLabel === `Egen ${item.category}`)).toBe(true);
  });

  it('publishes the rows without the weeks’ prose, and so suggests nothing in it', () => {
    const withSecret = reports.map((report, r) => ({
      ...report,
      incidents: report.incidents.map((incident) => ({
        ...incident,
        comment: r === 1 ? 'Ring 070-123 45 67' : '',
      })),
    }));
    const state = compiledAnalysis('2025-03', withSecret);
    const open = openDocument(state, 1).sections.find((s) => s.kind === 'incidents')?.items as IncidentItem[];
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((item) => item.problem === '' && item.comment === '' && item.frequency === '')).toBe(
      true,
    );
    expect(open.every((item) => item.category !== undefined && item.period !== undefined)).toBe(true);
    expect(redactionSuggestions(state).filter((s) => s.sectionId === 'incidents')).toEqual([]);
    // The internal version keeps them.
    const internal = state.sections.find((s) => s.kind === 'incidents')?.items as IncidentItem[];
    expect(internal.some((item) => item.comment.includes('070-123'))).toBe(true);
  });
});
