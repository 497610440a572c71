import { performance } from 'node:perf_hooks';
import { countsPerCategory } from '../apps/api/src/lagesbild/analysis-layout.js';
import { categoryLabel } from '../apps/api/src/lagesbild/category-labels.js';
import {
  analysisReports,
  compiledAnalysis,
} from '../apps/api/src/lagesbild/fixtures/analysis-reports.fixture.js';
import { openDocument } from '../apps/api/src/lagesbild/lagesbild-views.js';
import { analysisFigures } from '../apps/api/src/publication/analysis-figures.js';
import { renderFigures } from '../apps/api/src/publication/analysis-html.js';
import {
  norberg,
  norbergPublishedAt,
  norbergWeek48,
} from '../apps/api/src/publication/fixtures/norberg-v48-2024.fixture.js';
import { renderLagesbildPdf } from '../apps/api/src/publication/lagesbild-pdf.js';
import { formatFigure, percentile, printTable } from './support/table.js';

/**
 * Issue 18: a year's analysis PDF with its charts (seven here: six plus the police statistics)
 * renders in < 500 ms warm. The year: 20 organisations × 52 weeks × 3 incidents (3,120 incidents)
 * with the previous year to compare with. The baseline is the seed week's PDF (no charts) in the
 * same run; the rows between say where the time goes (figures' data, Vega's SVG, the PDF).
 */
export async function benchAnalysis(): Promise<void> {
  const options = { municipality: norberg, publishedAt: norbergPublishedAt };
  const reports = analysisReports('2025', { organisations: 20, incidentsPerReport: 3 });
  const previous = analysisReports('2024', { organisations: 20, incidentsPerReport: 2 });
  const compileStart = performance.now();
  const state = compiledAnalysis('2025', reports, {
    period: '2024',
    counts: countsPerCategory(previous, (key) => categoryLabel(key)),
  });
  const compileMs = performance.now() - compileStart;
  const year = openDocument(state, 1);
  const incidents = year.sections.find((s) => s.kind === 'incidents')?.items?.length ?? 0;
  const charts = analysisFigures(year).length;

  const cold = performance.now();
  const pdf = await renderLagesbildPdf(year, options);
  const coldMs = performance.now() - cold;
  const rows: Array<[string, number[], string]> = [
    [
      'baseline: seed week PDF (no charts)',
      await measure(20, () => renderLagesbildPdf(norbergWeek48, options)),
      '',
    ],
    [
      'figures’ data and alt texts (year)',
      await measure(50, async () => analysisFigures(year)),
      `${incidents} incidents`,
    ],
    ['figures as SVG (Vega, year)', await measure(20, () => renderFigures(year)), `${charts} charts`],
    [
      'year analysis PDF with charts (warm)',
      await measure(20, () => renderLagesbildPdf(year, options)),
      `${(pdf.length / 1024).toFixed(0)} KiB; first render ${coldMs.toFixed(0)} ms; target < 500 ms`,
    ],
  ];
  console.log(
    `(compiling the year's state from ${reports.length} reports: ${compileMs.toFixed(0)} ms, not timed below)`,
  );
  printTable(
    ['what', 'median ms', 'p95 ms', 'runs', 'note'],
    rows.map(([what, times, note]) => [
      what,
      formatFigure(percentile(times, 50)),
      formatFigure(percentile(times, 95)),
      String(times.length),
      note,
    ]),
  );
}

async function measure(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}
