import { analysisReports, compiledAnalysis } from '../lagesbild/fixtures/analysis-reports.fixture.js';
import { internalDocument } from '../lagesbild/lagesbild-views.js';
import type { SubmittedReportSnapshot } from '../lagesbild/submitted-report-snapshot.js';
import { analysisFigures, bucketsOf } from './analysis-figures.js';
import { renderChartSvg } from './chart-svg.js';

const incident = (id: string, category: string, location = 'Torget') => ({
  id,
  problem: 'Krossad ruta',
  location,
  occurredAt: 'Natt',
  frequency: 'En gång',
  assessment: { severity: 3, scope: 'E' as const },
  comment: '',
  category,
});

const report = (week: string, incidents: SubmittedReportSnapshot['incidents']): SubmittedReportSnapshot => ({
  reportId: `rep-${week}`,
  reportVersion: 1,
  organisationId: 'skolan',
  organisationName: 'Skolan',
  period: week,
  narrative: { kind: 'nothing_to_report' },
  incidents,
});

describe('analysis figures', () => {
  it('says what a chart shows in words, from the data: “Skadegörelse: 4 händelser v10, 7 v11, …”, a week without reports as missing', () => {
    const reports = [
      report(
        '2025-W10',
        [1, 2, 3, 4].map((n) => incident(`a${n}`, 'skadegorelse')),
      ),
      report(
        '2025-W11',
        [1, 2, 3, 4, 5, 6, 7].map((n) => incident(`b${n}`, 'skadegorelse')),
      ),
      report('2025-W13', []),
    ];
    const figures = analysisFigures(internalDocument(compiledAnalysis('2025-03', reports), 1));
    const trend = figures.find((f) => f.id === 'kategorier-over-tid')!;
    expect(trend.alt).toBe('Skadegörelse: 4 händelser v10, 7 v11, saknas v12, 0 v13.');
    expect(trend.table).toEqual({
      columns: ['Kategori', 'v10', 'v11', 'v12', 'v13'],
      rows: [['Skadegörelse', '4', '7', 'saknas', '0']],
    });
    expect(figures.find((f) => f.id === 'vanligaste-platserna')?.alt).toBe('Torget 11 händelser.');
  });

  it('draws a year by month and compares with the previous period', () => {
    const state = compiledAnalysis(
      '2025',
      analysisReports('2025', { organisations: 2, incidentsPerReport: 1 }),
      {
        period: '2024',
        counts: [{ key: 'klotter', label: 'Klotter', count: 3 }],
      },
    );
    const figures = analysisFigures(internalDocument(state, 1));
    expect(bucketsOf({ kind: 'year', year: 2025 }).map((b) => b.label)).toEqual([
      'jan',
      'feb',
      'mar',
      'apr',
      'maj',
      'jun',
      'jul',
      'aug',
      'sep',
      'okt',
      'nov',
      'dec',
    ]);
    expect(figures.map((f) => f.id)).toEqual([
      'kategorier-over-tid',
      'handelser-totalt',
      'vanligaste-kategorierna',
      'vanligaste-platserna',
      'jamfort-med-foregaende',
      'allvarlighet',
      'polisens-statistik',
    ]);
    const comparison = figures.find((f) => f.id === 'jamfort-med-foregaende')!;
    expect(comparison.title).toBe('Jämfört med föregående period (2024)');
    expect(comparison.table.rows.find((row) => row[0] === 'Klotter')?.slice(2)).toEqual([
      '3',
      expect.stringMatching(/^[+−±]/),
    ]);
  });

  it('names categories by the label stored at compile (a municipality’s own list), else the defaults', () => {
    const reports = [
      report('2025-W10', [{ ...incident('a', 'buskorning-trafik'), categoryLabel: 'Mopedåkning' }]),
      report('2025-W11', [incident('b', 'klotter')]),
    ];
    const figures = analysisFigures(internalDocument(compiledAnalysis('2025-03', reports), 1));
    expect(figures.find((f) => f.id === 'vanligaste-kategorierna')?.table.rows.map((row) => row[0])).toEqual([
      'Mopedåkning',
      'Klotter',
    ]);
  });

  it('gives a week its own figures: none', () => {
    const state = compiledAnalysis('2025-03', analysisReports('2025-03'));
    expect(analysisFigures({ ...internalDocument(state, 1), period: '2025-W10' })).toEqual([]);
  });

  it('renders each figure as an SVG on the server, its text in the chart', async () => {
    const [figure] = analysisFigures(
      internalDocument(compiledAnalysis('2025-03', analysisReports('2025-03')), 1),
    );
    const { svg, width, height } = await renderChartSvg(figure!.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Vecka');
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(100);
  });
});
