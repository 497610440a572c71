import type { DocumentSection, IncidentItem, LagesbildDocument, StatisticItem } from '@laget/contracts';
import {
  type AnalysisPeriod,
  monthName,
  monthsOf,
  tryParseAnalysisPeriod,
  weeksOfMonth,
} from '../reporting/analysis-period.js';
import { formatPeriod } from '../reporting/period.js';
import { UNCATEGORISED } from '../lagesbild/analysis-layout.js';
import { categoryLabel as labelOf } from '../lagesbild/category-labels.js';

/*
 * The figures of a period analysis, computed from one version of the document and nothing else:
 * the open version's figures count only the incidents the open version holds, so an incident left
 * out of it is in no chart, no alt text and no data table (the property spec checks this). Each
 * figure carries its alt text generated from the data ("Skadegörelse: 4 händelser v45, 7 v46, …"),
 * a data table as the alternative for those who cannot see the chart, and a Vega-Lite spec that
 * chart-svg.ts draws on the server.
 */

export interface FigureTable {
  columns: string[];
  /** The first cell of each row is its header. */
  rows: string[][];
}

export interface AnalysisFigure {
  id: string;
  title: string;
  alt: string;
  table: FigureTable;
  /** A Vega-Lite spec (data inline); chart-svg.ts renders it. */
  spec: Record<string, unknown>;
}

interface Bucket {
  label: string;
  /** The weeks (`2025-W10`) that fall in it. */
  weeks: string[];
}

/** Weeks for a month, months for a tertial or a year: a readable number of points per line. */
export function bucketsOf(period: AnalysisPeriod): Bucket[] {
  if (period.kind === 'month') {
    return weeksOfMonth(period.year, period.month).map((week) => ({
      label: `v${String(week.week).padStart(2, '0')}`,
      weeks: [formatPeriod(week)],
    }));
  }
  return monthsOf(period).map((month) => ({
    label: monthName(month).slice(0, 3),
    weeks: weeksOfMonth(period.year, month).map(formatPeriod),
  }));
}

const WEEK_ID = /\d{4}-W\d{2}/g;

/** The weeks that had reports in: named in the incident section's text by the layout. */
export function reportedWeeks(section: DocumentSection | undefined): Set<string> {
  return new Set(section?.text?.match(WEEK_ID) ?? []);
}

const isIncident = (item: NonNullable<DocumentSection['items']>[number]): item is IncidentItem =>
  'problem' in item;

const number = (value: number) => value.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
const events = (count: number) => `${number(count)} ${count === 1 ? 'händelse' : 'händelser'}`;

/** "4 händelser v45, 7 v46, saknas v47": the unit once, then the points, missing ones named. */
function seriesText(values: Array<number | null>, buckets: Bucket[], unit: (n: number) => string): string {
  let unitSaid = false;
  return values
    .map((value, i) => {
      const label = buckets[i]?.label ?? '';
      if (value === null) return `saknas ${label}`;
      const text = unitSaid ? number(value) : unit(value);
      unitSaid = true;
      return `${text} ${label}`;
    })
    .join(', ');
}

const TOP = 5;
const TOP_LIST = 10;

function topCounts(keys: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'));
}

const categoryOf = (item: IncidentItem) => item.category ?? UNCATEGORISED;
const placeOf = (item: IncidentItem) => item.location.trim().replace(/\s+/g, ' ') || 'Ingen plats angiven';

function barSpec(values: Array<{ label: string; value: number }>, axis: string): Record<string, unknown> {
  return {
    data: { values },
    mark: { type: 'bar', color: '#0b4f8a' },
    height: { step: 18 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } },
      x: { field: 'value', type: 'quantitative', title: axis, axis: { tickMinStep: 1 } },
    },
  };
}

/** Every figure the document's data supports, in reading order. */
export function analysisFigures(document: LagesbildDocument): AnalysisFigure[] {
  const period = tryParseAnalysisPeriod(document.period);
  if (!period) return [];
  const buckets = bucketsOf(period);
  const section = document.sections.find((s) => s.kind === 'incidents');
  const incidents = (section?.items ?? []).filter(isIncident);
  const reported = reportedWeeks(section);
  for (const item of incidents) if (item.period) reported.add(item.period);
  const bucketOfWeek = new Map(
    buckets.flatMap((bucket, i) => bucket.weeks.map((week) => [week, i] as const)),
  );
  const hasReports = buckets.map((bucket) => bucket.weeks.some((week) => reported.has(week)));
  const perBucket = (items: IncidentItem[]) => {
    const counts: Array<number | null> = hasReports.map((has) => (has ? 0 : null));
    for (const item of items) {
      const i = bucketOfWeek.get(item.period ?? '');
      if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
    }
    return counts;
  };
  const bucketWord = period.kind === 'month' ? 'Vecka' : 'Månad';
  // Every bucket on the axis, also one without reports (a gap, not a zero).
  const bucketAxis = {
    field: 'bucket',
    type: 'ordinal',
    sort: null,
    title: bucketWord,
    axis: { labelAngle: 0 },
    scale: { domain: buckets.map((b) => b.label) },
  };
  const figures: AnalysisFigure[] = [];

  // 1. The largest categories over time.
  const categories = topCounts(incidents.map(categoryOf));
  // The label stored at compile (the list as configured then), else the defaults.
  const labels = new Map(
    incidents.flatMap((item) =>
      item.categoryLabel ? [[categoryOf(item), item.categoryLabel] as const] : [],
    ),
  );
  const categoryLabel = (key: string) => labelOf(key, labels);
  const top = categories.slice(0, TOP).map(([key]) => key);
  const series = top.map((key) => ({
    label: categoryLabel(key),
    values: perBucket(incidents.filter((item) => categoryOf(item) === key)),
  }));
  if (series.length > 0) {
    figures.push({
      id: 'kategorier-over-tid',
      title: `De ${series.length === 1 ? 'största kategorin' : `${series.length} största kategorierna`} per ${bucketWord.toLowerCase()}`,
      alt: series.map((s) => `${s.label}: ${seriesText(s.values, buckets, events)}`).join('; ') + '.',
      table: {
        columns: ['Kategori', ...buckets.map((b) => b.label)],
        rows: series.map((s) => [s.label, ...s.values.map((v) => (v === null ? 'saknas' : String(v)))]),
      },
      spec: {
        data: {
          values: series.flatMap((s) =>
            s.values.map((value, i) => ({ bucket: buckets[i]?.label, value, series: s.label })),
          ),
        },
        mark: { type: 'line', point: true },
        height: 170,
        encoding: {
          x: bucketAxis,
          y: { field: 'value', type: 'quantitative', title: 'Händelser', axis: { tickMinStep: 1 } },
          color: { field: 'series', type: 'nominal', title: 'Kategori', sort: null },
        },
      },
    });
  }

  // 2. All incidents per bucket.
  const totals = perBucket(incidents);
  figures.push({
    id: 'handelser-totalt',
    title: `Alla händelser per ${bucketWord.toLowerCase()}`,
    alt: `Alla kategorier: ${seriesText(totals, buckets, events)}.`,
    table: {
      columns: [bucketWord, 'Händelser'],
      rows: buckets.map((b, i) => [b.label, totals[i] === null ? 'saknas' : String(totals[i])]),
    },
    spec: {
      data: { values: buckets.map((b, i) => ({ bucket: b.label, value: totals[i] })) },
      mark: { type: 'bar', color: '#0b4f8a' },
      height: 150,
      encoding: {
        x: bucketAxis,
        y: { field: 'value', type: 'quantitative', title: 'Händelser', axis: { tickMinStep: 1 } },
      },
    },
  });

  // 3 and 4. The most frequent categories and places.
  for (const [id, title, column, counts] of [
    [
      'vanligaste-kategorierna',
      'De vanligaste kategorierna',
      'Kategori',
      categories.map(([key, n]) => [categoryLabel(key), n] as const),
    ],
    ['vanligaste-platserna', 'De vanligaste platserna', 'Plats', topCounts(incidents.map(placeOf))],
  ] as const) {
    const list = counts.slice(0, TOP_LIST);
    if (list.length === 0) continue;
    figures.push({
      id,
      title,
      alt: `${list.map(([label, n], i) => `${label} ${i === 0 ? events(n) : number(n)}`).join(', ')}.`,
      table: { columns: [column, 'Händelser'], rows: list.map(([label, n]) => [label, String(n)]) },
      spec: barSpec(
        list.map(([label, value]) => ({ label, value })),
        'Händelser',
      ),
    });
  }

  // 5. Against the previous period.
  const previous = document.sections.find((s) => s.kind === 'previous_period');
  if (previous) {
    const before = new Map(((previous.items ?? []) as StatisticItem[]).map((row) => [row.key, row] as const));
    const now = new Map(categories);
    const keys = [...new Set([...now.keys(), ...before.keys()])].sort(
      (a, b) => (now.get(b) ?? 0) - (now.get(a) ?? 0) || a.localeCompare(b, 'sv'),
    );
    const rows = keys.slice(0, TOP_LIST).map((key) => {
      const current = now.get(key) ?? 0;
      const earlier = before.get(key)?.count ?? 0;
      return {
        label: before.get(key)?.label ?? categoryLabel(key),
        current,
        earlier,
        change: current - earlier,
      };
    });
    const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
    figures.push({
      id: 'jamfort-med-foregaende',
      title: `Jämfört med föregående period (${previous.title.replace(/^.*\(|\)$/g, '')})`,
      alt: `${rows.map((r) => `${r.label}: ${events(r.current)} (föregående period ${number(r.earlier)}, ${signed(r.change)})`).join('; ')}.`,
      table: {
        columns: ['Kategori', 'Perioden', 'Föregående period', 'Förändring'],
        rows: rows.map((r) => [r.label, String(r.current), String(r.earlier), signed(r.change)]),
      },
      spec: {
        data: {
          values: rows.flatMap((r) => [
            { label: r.label, period: 'Föregående period', value: r.earlier },
            { label: r.label, period: 'Perioden', value: r.current },
          ]),
        },
        mark: 'bar',
        height: { step: 12 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } },
          yOffset: { field: 'period', sort: null },
          x: { field: 'value', type: 'quantitative', title: 'Händelser', axis: { tickMinStep: 1 } },
          color: {
            field: 'period',
            type: 'nominal',
            title: null,
            sort: null,
            scale: { range: ['#9e9e9e', '#0b4f8a'] },
          },
        },
      },
    });
  }

  // 6. Mean severity over time.
  const severity = hasReports.map((has, i) => {
    const inBucket = incidents.filter((item) => bucketOfWeek.get(item.period ?? '') === i);
    if (!has || inBucket.length === 0) return null;
    return (
      Math.round((inBucket.reduce((sum, item) => sum + item.assessment.severity, 0) / inBucket.length) * 10) /
      10
    );
  });
  if (severity.some((value) => value !== null)) {
    figures.push({
      id: 'allvarlighet',
      title: `Medelallvarlighet (1–5) per ${bucketWord.toLowerCase()}`,
      alt: `Medelallvarlighet: ${seriesText(severity, buckets, (n) => number(n))}.`,
      table: {
        columns: [bucketWord, 'Medelallvarlighet'],
        rows: buckets.map((b, i) => [b.label, severity[i] === null ? 'saknas' : number(severity[i] ?? 0)]),
      },
      spec: {
        data: { values: buckets.map((b, i) => ({ bucket: b.label, value: severity[i] })) },
        mark: { type: 'line', point: true, color: '#8a5300' },
        height: 150,
        encoding: {
          x: bucketAxis,
          y: { field: 'value', type: 'quantitative', title: 'Allvarlighet', scale: { domain: [1, 5] } },
        },
      },
    });
  }

  // 7. The police statistics summed.
  const police = (document.sections.find((s) => s.kind === 'police_statistics')?.items ??
    []) as StatisticItem[];
  if (police.length > 0) {
    const list = police.slice(0, TOP_LIST * 2);
    figures.push({
      id: 'polisens-statistik',
      title: 'Polisens statistik, summerad',
      alt: `${list.map((row) => `${row.label} ${number(row.count)}`).join(', ')}.`,
      table: { columns: ['Slag', 'Antal'], rows: list.map((row) => [row.label, String(row.count)]) },
      spec: barSpec(
        list.map((row) => ({ label: row.label, value: row.count })),
        'Antal',
      ),
    });
  }
  return figures;
}
