import { UNCATEGORISED, type PoliceStatistics } from '@laget/contracts';
import { createIndexIfMissing, type SqlExecutor } from '@laget/event-store';
import { defineProjection, type ProjectedEvent } from '../platform/projections/projection.js';
import { REPORT_EVENT_TYPES, type FieldChange, type ReportEvent } from '../reporting/report.decider.js';
import { isPeriodId } from '../reporting/period.js';
import { bucketsOfWeek } from './buckets.js';

/**
 * The facts of the analysis (issue 18, point 2): one row per incident and per police statistics
 * row, with the week and the month, tertial and year it falls in, the organisation, category,
 * place, severity and scope. Rebuildable from the report streams like every read model.
 *
 * Only reports that have been submitted count (`counted`); a draft is not yet a report and a
 * withdrawn one no longer is. The flag is kept on every fact too, so the trends query reads one
 * table through one covering index and never joins (the ten-year bench: 620 000 rows).
 * `analysis_reports` says which organisation reported which week: a week without a report is
 * missing in the trends, not zero.
 */
export const FACTS_PROJECTION = 'analysis.facts';

export const factsProjection = defineProjection<ReportEvent>({
  name: FACTS_PROJECTION,
  eventTypes: REPORT_EVENT_TYPES,
  setup: createFactTables,
  reset: async (sql) => {
    await sql.query('DELETE FROM analysis_rollup');
    await sql.query('DELETE FROM analysis_facts');
    await sql.query('DELETE FROM analysis_reports');
  },
  apply: async (events, sql) => {
    // The weeks whose counted facts changed: their sums are made again once, after the batch.
    const touched = new Set<string>();
    for (const event of events) {
      const period = await applyFact(event, sql);
      if (period) touched.add(period);
    }
    for (const period of touched) await refreshRollup(sql, period);
  },
});

/**
 * Makes the week's sums per category, organisation and place again from its counted facts (or
 * every week's, for `null`: the bench's seed). A week has a few thousand facts at most.
 */
export async function refreshRollup(sql: SqlExecutor, period: string | null): Promise<void> {
  const where = period === null ? 'counted' : 'counted AND period = $1';
  const params = period === null ? [] : [period];
  await sql.query(`DELETE FROM analysis_rollup${period === null ? '' : ' WHERE period = $1'}`, params);
  for (const [dim, column] of [
    ['category', 'category'],
    ['organisation', 'organisation_id'],
    ['place', "COALESCE(place_id, '')"],
  ] as const) {
    await sql.query(
      `INSERT INTO analysis_rollup (kind, dim, period, key, month, tertial, year, n, severity_sum)
       SELECT kind, '${dim}', period, ${column}, min(month), min(tertial), min(year), sum(n), sum(severity * n)
       FROM analysis_facts WHERE ${where} GROUP BY kind, period, ${column}`,
      params,
    );
  }
}

/** The tables and indexes; also what the bench seeds into directly. */
export async function createFactTables(sql: SqlExecutor): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS analysis_reports (
      report_id text PRIMARY KEY,
      period text NOT NULL,
      month text NOT NULL,
      tertial text NOT NULL,
      year text NOT NULL,
      organisation_id text NOT NULL,
      counted boolean NOT NULL DEFAULT false,
      statistics jsonb
    )`);
  await sql.query(`
    CREATE TABLE IF NOT EXISTS analysis_facts (
      fact_id text PRIMARY KEY,
      report_id text NOT NULL,
      kind text NOT NULL,
      period text NOT NULL,
      month text NOT NULL,
      tertial text NOT NULL,
      year text NOT NULL,
      organisation_id text NOT NULL,
      category text NOT NULL,
      place_id text,
      severity smallint,
      scope text,
      n integer NOT NULL,
      counted boolean NOT NULL DEFAULT false
    )`);
  // The trends read counted facts of one kind over a range of weeks, and only these columns:
  // an index-only scan (docs/adr/0026).
  await createIndexIfMissing(
    sql,
    'analysis_facts_trends',
    `CREATE INDEX IF NOT EXISTS analysis_facts_trends ON analysis_facts (kind, period)
       INCLUDE (month, tertial, year, organisation_id, category, place_id, severity, n) WHERE counted`,
  );
  await createIndexIfMissing(
    sql,
    'analysis_facts_report',
    'CREATE INDEX IF NOT EXISTS analysis_facts_report ON analysis_facts (report_id)',
  );
  // A filter narrows the facts to a fortieth (an organisation) or a fifteenth (a category) of them.
  for (const [name, column] of [
    ['analysis_facts_organisation', 'organisation_id'],
    ['analysis_facts_category', 'category'],
    ['analysis_facts_place', 'place_id'],
  ] as const) {
    await createIndexIfMissing(
      sql,
      name,
      `CREATE INDEX IF NOT EXISTS ${name} ON analysis_facts (kind, ${column}, period)
         INCLUDE (month, tertial, year, organisation_id, category, place_id, severity, n) WHERE counted`,
    );
  }
  // The unfiltered trends read the week's sums per category, organisation and place instead:
  // ten years are 520 rows a series, not 620 000 facts (docs/adr/0026).
  await sql.query(`
    CREATE TABLE IF NOT EXISTS analysis_rollup (
      kind text NOT NULL,
      dim text NOT NULL,
      period text NOT NULL,
      key text NOT NULL,
      month text NOT NULL,
      tertial text NOT NULL,
      year text NOT NULL,
      n bigint NOT NULL,
      severity_sum bigint,
      PRIMARY KEY (kind, dim, period, key)
    )`);
  await createIndexIfMissing(
    sql,
    'analysis_reports_period',
    `CREATE INDEX IF NOT EXISTS analysis_reports_period ON analysis_reports (period)
       INCLUDE (month, tertial, year, organisation_id, statistics) WHERE counted`,
  );
}

const reportIdOf = (event: ProjectedEvent<ReportEvent>) => event.streamId.slice('report-'.length);
const incidentFact = (reportId: string, incidentId: string) => `i:${reportId}:${incidentId}`;

/** Which column an incident's field change lands in; other fields are not facts. */
const EDITED_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['category', 'category'],
  ['placeId', 'place_id'],
  ['assessment.severity', 'severity'],
  ['assessment.scope', 'scope'],
]);

/** Applies one event; answers the week when it changed counted facts (its sums are then stale). */
async function applyFact(event: ProjectedEvent<ReportEvent>, sql: SqlExecutor): Promise<string | null> {
  const reportId = reportIdOf(event);
  switch (event.type) {
    case 'ReportOpened': {
      // A log written by anything but our deciders may hold any period: such a report is no fact.
      if (!isIsoWeek(event.data.period)) return null;
      const buckets = bucketsOfWeek(event.data.period);
      await sql.query(
        `INSERT INTO analysis_reports (report_id, period, month, tertial, year, organisation_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (report_id) DO NOTHING`,
        [reportId, buckets.week, buckets.month, buckets.tertial, buckets.year, event.data.organisationId],
      );
      return null;
    }
    case 'IncidentReported': {
      const { incident } = event.data;
      await sql.query(
        `INSERT INTO analysis_facts (fact_id, report_id, kind, period, month, tertial, year, organisation_id,
           category, place_id, severity, scope, n, counted)
         SELECT $1, r.report_id, 'incident', r.period, r.month, r.tertial, r.year, r.organisation_id,
           $3, $4, $5, $6, 1, r.counted
         FROM analysis_reports r WHERE r.report_id = $2
         ON CONFLICT (fact_id) DO NOTHING`,
        [
          incidentFact(reportId, event.data.incidentId),
          reportId,
          textOr(incident.category, UNCATEGORISED),
          textOr(incident.placeId, null),
          severityOf(incident.assessment?.severity),
          textOr(incident.assessment?.scope, null),
        ],
      );
      return countedPeriod(sql, reportId);
    }
    case 'IncidentEdited':
      for (const change of event.data.changes) {
        const column = EDITED_COLUMNS.get(change.field);
        if (!column) continue;
        const value =
          column === 'severity'
            ? severityOf(change.after)
            : textOr(change.after, column === 'category' ? UNCATEGORISED : null);
        await sql.query(`UPDATE analysis_facts SET ${column} = $2 WHERE fact_id = $1`, [
          incidentFact(reportId, event.data.incidentId),
          value,
        ]);
      }
      return countedPeriod(sql, reportId);
    case 'IncidentWithdrawn':
      await sql.query('DELETE FROM analysis_facts WHERE fact_id = $1', [
        incidentFact(reportId, event.data.incidentId),
      ]);
      return countedPeriod(sql, reportId);
    case 'ReportSubmitted':
    case 'ReportResubmitted':
    case 'ReportWithdrawn': {
      const counted = event.type !== 'ReportWithdrawn';
      const { rows } = await sql.query<{ period: string }>(
        'UPDATE analysis_reports SET counted = $2 WHERE report_id = $1 RETURNING period',
        [reportId, counted],
      );
      await sql.query('UPDATE analysis_facts SET counted = $2 WHERE report_id = $1', [reportId, counted]);
      return rows[0]?.period ?? null;
    }
    case 'PoliceStatisticsRecorded':
      await recordStatistics(reportId, event.data.changes, sql);
      return countedPeriod(sql, reportId);
    case 'NarrativeWritten':
    case 'AttendanceDeclared':
    case 'ReportReopened':
      return null;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

// A week the year does not have (2021-W53) is no week either: the calendar's own check.
const isIsoWeek = (value: unknown): value is string => typeof value === 'string' && isPeriodId(value);
const textOr = <T extends string | null>(value: unknown, fallback: T): string | T =>
  typeof value === 'string' && value.length <= 200 ? value : fallback;
const severityOf = (value: unknown): number | null =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5 ? (value as number) : null;
const countOf = (value: unknown): number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000 ? (value as number) : 0;

/** The report's week when it counts (submitted): then a change to its facts changes the week's sums. */
async function countedPeriod(sql: SqlExecutor, reportId: string): Promise<string | null> {
  const { rows } = await sql.query<{ period: string }>(
    'SELECT period FROM analysis_reports WHERE report_id = $1 AND counted',
    [reportId],
  );
  return rows[0]?.period ?? null;
}

/** The police statistics as they stand after the changes, then its rows as facts anew. */
async function recordStatistics(reportId: string, changes: FieldChange[], sql: SqlExecutor): Promise<void> {
  const { rows } = await sql.query<{ statistics: PoliceStatistics | null }>(
    'SELECT statistics FROM analysis_reports WHERE report_id = $1',
    [reportId],
  );
  if (rows.length === 0) return;
  let statistics: PoliceStatistics | null = rows[0]!.statistics;
  for (const { field, after } of changes) {
    if (field === 'statistics') statistics = (after as PoliceStatistics | null) ?? null;
    else if (statistics)
      statistics = { ...statistics, [field.slice('statistics.'.length)]: after ?? undefined };
  }
  await sql.query('UPDATE analysis_reports SET statistics = $2 WHERE report_id = $1', [
    reportId,
    statistics === null ? null : JSON.stringify(statistics),
  ]);
  await sql.query(`DELETE FROM analysis_facts WHERE report_id = $1 AND kind <> 'incident'`, [reportId]);
  if (!statistics) return;
  // Several rows of one category (the seed has three "förlust av egendom") are one fact.
  const byCategory = new Map<string, number>();
  for (const row of Array.isArray(statistics.categories) ? statistics.categories : []) {
    const category = textOr(row?.category, null);
    if (category === null) continue;
    byCategory.set(category, (byCategory.get(category) ?? 0) + countOf(row.count));
  }
  const facts: [string, string, number][] = [
    ...[...byCategory].map(([category, n]): [string, string, number] => ['police', category, n]),
    ['police_total', 'handelserapporter', countOf(statistics.handelserapporter)],
    ['police_total', 'arenden', countOf(statistics.arenden)],
    ['police_total', 'brott', countOf(statistics.brott)],
  ];
  await sql.query(
    `INSERT INTO analysis_facts (fact_id, report_id, kind, period, month, tertial, year, organisation_id,
       category, place_id, severity, scope, n, counted)
     SELECT 'p:' || r.report_id || ':' || f.kind || ':' || f.category, r.report_id, f.kind, r.period, r.month,
       r.tertial, r.year, r.organisation_id, f.category, NULL, NULL, NULL, f.n, r.counted
     FROM analysis_reports r, unnest($2::text[], $3::text[], $4::int[]) AS f(kind, category, n)
     WHERE r.report_id = $1`,
    [reportId, facts.map((f) => f[0]), facts.map((f) => f[1]), facts.map((f) => f[2])],
  );
}
