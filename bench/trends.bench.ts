import { performance } from 'node:perf_hooks';
import { DEFAULT_CRIME_CATEGORIES, DEFAULT_INCIDENT_CATEGORIES, trendsQuerySchema } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { bucketsBetween, bucketsOfWeek, weeksBetween } from '../apps/api/src/analysis/buckets.js';
import { createFactTables, refreshRollup } from '../apps/api/src/analysis/facts.projection.js';
import { trendSeries } from '../apps/api/src/analysis/trend-series.js';
import { reportPresence, trendCells } from '../apps/api/src/analysis/trends.sql.js';
import { onEachEngine } from './support/engines.js';
import { formatFigure, percentile, printTable } from './support/table.js';

/**
 * Trends (issue 18): a ten-year municipality, 40 organisations × 520 weeks × 30 incidents
 * (≈ 624 000 facts, plus the police's statistics rows), seeded straight into the facts tables,
 * then the trends query's database part and its shaping for each grouping and bucket over all
 * ten years. Targets: p95 < 200 ms on PostgreSQL, < 500 ms on PGlite. The baseline in the same
 * run is `count(*)` over the same facts (what any full pass over them costs).
 * LAGET_BENCH_TRENDS_RUNS sets the timed runs per question (default 15).
 */
const ORGANISATIONS = 40;
const INCIDENTS_PER_WEEK = 30;
const PLACES = 60;
const FROM = '2015-W01';
const TO = '2024-W52';

export async function benchTrends(): Promise<void> {
  const runs = Number(process.env.LAGET_BENCH_TRENDS_RUNS ?? 15);
  const rows = await onEachEngine(async (engine, db) => {
    const seeded = await seed(db);
    console.log(`${engine}: seeded ${seeded.facts} facts in ${formatFigure(seeded.ms / 1000)} s`);
    const baseline = await timed(runs, () => db.query('SELECT count(*) FROM analysis_facts WHERE counted'));
    const out: string[][] = [
      [engine, 'baseline: count(*) of the facts', ms(baseline, 50), ms(baseline, 95), '1.00'],
    ];
    const questions: Record<string, string>[] = [
      { groupBy: 'category', bucket: 'week' },
      { groupBy: 'category', bucket: 'month' },
      { groupBy: 'category', bucket: 'year' },
      { groupBy: 'organisation', bucket: 'week' },
      { groupBy: 'place', bucket: 'month' },
      { groupBy: 'category', bucket: 'tertial', measure: 'severity' },
      { groupBy: 'category', bucket: 'week', measure: 'police' },
      { groupBy: 'place', bucket: 'week', organisationId: 'org-7', category: 'skadegorelse' },
    ];
    for (const question of questions) {
      const query = trendsQuerySchema.parse({ from: FROM, to: TO, ...question });
      const grouped = { ...query, groupBy: query.groupBy as 'category' | 'organisation' | 'place' };
      const times = await timed(runs, async () => {
        const [cells, presence] = await Promise.all([trendCells(db, grouped), reportPresence(db, query)]);
        trendSeries(query, bucketsBetween(FROM, TO, query.bucket), cells, presence, (key) => key);
      });
      out.push([
        engine,
        Object.entries(question)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
        ms(times, 50),
        ms(times, 95),
        formatFigure(percentile(times, 95) / percentile(baseline, 95)),
      ]);
    }
    return out;
  });
  printTable(['engine', 'trends over ten years', 'p50 ms', 'p95 ms', 'p95 / baseline'], rows);
}

const ms = (times: number[], p: number) => formatFigure(percentile(times, p));

async function timed(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i += 1) await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

/** The facts of ten years in a few statements (generate_series), their weekly sums, then VACUUM ANALYZE for the index-only scans. */
async function seed(db: SqlDatabase): Promise<{ facts: number; ms: number }> {
  const started = performance.now();
  await db.query('SELECT 1');
  await createFactTables(db);
  const weeks = weeksBetween(FROM, TO).slice(0, 520).map(bucketsOfWeek);
  const columns = [
    weeks.map((w) => w.week),
    weeks.map((w) => w.month),
    weeks.map((w) => w.tertial),
    weeks.map((w) => w.year),
  ];
  await db.query(
    `INSERT INTO analysis_reports (report_id, period, month, tertial, year, organisation_id, counted, statistics)
     SELECT w.period || '.org-' || o, w.period, w.month, w.tertial, w.year, 'org-' || o, true,
       CASE WHEN o = 0 THEN '{}'::jsonb END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS w(period, month, tertial, year),
       generate_series(0, ${ORGANISATIONS - 1}) AS o`,
    columns,
  );
  const categories = DEFAULT_INCIDENT_CATEGORIES.map((c) => c.key);
  // One statement per year keeps PGlite's memory in bounds.
  for (let start = 0; start < weeks.length; start += 52) {
    const slice = columns.map((column) => column.slice(start, start + 52));
    await db.query(
      `INSERT INTO analysis_facts (fact_id, report_id, kind, period, month, tertial, year, organisation_id,
         category, place_id, severity, scope, n, counted)
       SELECT 'i:' || w.period || '.org-' || o || ':' || k, w.period || '.org-' || o, 'incident', w.period,
         w.month, w.tertial, w.year, 'org-' || o,
         ($5::text[])[1 + ((o * 7 + k * 3 + w.i::int) % ${categories.length})],
         CASE WHEN k % 5 = 0 THEN NULL ELSE 'place-' || ((o * 3 + k) % ${PLACES}) END,
         1 + ((k + o + w.i::int) % 5), 'A', 1, true
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS w(period, month, tertial, year, i),
         generate_series(0, ${ORGANISATIONS - 1}) AS o, generate_series(1, ${INCIDENTS_PER_WEEK}) AS k`,
      [...slice, categories],
    );
  }
  const crime = DEFAULT_CRIME_CATEGORIES.map((c) => c.key);
  await db.query(
    `INSERT INTO analysis_facts (fact_id, report_id, kind, period, month, tertial, year, organisation_id,
       category, place_id, severity, scope, n, counted)
     SELECT 'p:' || w.period || ':' || c, w.period || '.org-0', 'police', w.period, w.month, w.tertial, w.year,
       'org-0', c, NULL, NULL, NULL, 1 + (length(c) + w.i::int) % 7, true
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS w(period, month, tertial, year, i),
       unnest($5::text[]) AS c`,
    [...columns, crime],
  );
  await refreshRollup(db, null);
  await db.query('VACUUM ANALYZE analysis_facts');
  await db.query('VACUUM ANALYZE analysis_rollup');
  await db.query('VACUUM ANALYZE analysis_reports');
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM analysis_facts');
  return { facts: Number(rows[0]!.n), ms: performance.now() - started };
}
