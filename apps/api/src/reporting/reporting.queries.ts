import type { PeriodView, PlaceView, ReportStatus } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import type { ExpectedOrganisation, ReportRow } from './compliance.js';
import { toPlaceView, type PlaceRow, type ReportListRow } from './reporting-rows.js';

/**
 * The SQL over the reporting read models, beside the projections that own their tables
 * (reporting.projections.ts): the query handlers and the command handlers' lookups call these,
 * nothing else in the feature writes SQL.
 */

/** `reporting_reports` (with its week's status): the rows of the report list, newest week first. */
export async function reportListRows(
  db: SqlDatabase,
  filter: { period?: string; organisationId?: string; status?: ReportStatus },
): Promise<ReportListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.period) where.push(`r.period = $${params.push(filter.period)}`);
  if (filter.organisationId) where.push(`r.organisation_id = $${params.push(filter.organisationId)}`);
  if (filter.status) where.push(`r.status = $${params.push(filter.status)}`);
  const { rows } = await db.query<ReportListRow>(
    `SELECT r.*, s.status AS period_status FROM reporting_reports r
     LEFT JOIN reporting_periods s ON s.period = r.period
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY r.period DESC, r.organisation_id`,
    params,
  );
  return rows;
}

/** `reporting_reports`: what compliance needs of the reports of these weeks. */
export async function complianceRows(db: SqlDatabase, periods: string[]): Promise<ReportRow[]> {
  const { rows } = await db.query<{
    report_id: string;
    period: string;
    organisation_id: string;
    status: ReportStatus;
    counted_submitted_at: string | Date | null;
  }>(
    'SELECT report_id, period, organisation_id, status, counted_submitted_at FROM reporting_reports WHERE period = ANY($1)',
    [periods],
  );
  return rows.map((row) => ({
    reportId: row.report_id,
    period: row.period,
    organisationId: row.organisation_id,
    status: row.status,
    countedSubmittedAt:
      row.counted_submitted_at === null ? null : new Date(row.counted_submitted_at).toISOString(),
  }));
}

/** `reporting_reports`: the earliest week anybody reported for, or null before the first report. */
export async function earliestReportedPeriod(db: SqlDatabase): Promise<string | null> {
  const { rows } = await db.query<{ period: string | null }>(
    'SELECT min(period) AS period FROM reporting_reports',
  );
  return rows[0]?.period ?? null;
}

/** `reporting_reports` + `reporting_organisations`: the week's reports submitted at least once, by organisation name. */
export async function submittedReportsOf(
  db: SqlDatabase,
  period: string,
): Promise<{ reportId: string; organisationName: string | null }[]> {
  const { rows } = await db.query<{ report_id: string; name: string | null }>(
    `SELECT r.report_id, o.name FROM reporting_reports r
     LEFT JOIN reporting_organisations o ON o.organisation_id = r.organisation_id
     WHERE r.period = $1 AND r.submissions > 0 ORDER BY o.name, r.organisation_id`,
    [period],
  );
  return rows.map((row) => ({ reportId: row.report_id, organisationName: row.name }));
}

/** `reporting_periods`: the status of these weeks (a week nobody compiled has no row). */
export async function periodStatuses(
  db: SqlDatabase,
  periods: string[],
): Promise<{ period: string; status: PeriodView['status']; compiled_early: boolean }[]> {
  const { rows } = await db.query<{ period: string; status: PeriodView['status']; compiled_early: boolean }>(
    'SELECT period, status, compiled_early FROM reporting_periods WHERE period = ANY($1)',
    [periods],
  );
  return rows;
}

/** `reporting_places`: the register by name, retired places only when asked for. */
export async function placeList(db: SqlDatabase, includeRetired: boolean): Promise<PlaceView[]> {
  const { rows } = await db.query<PlaceRow>(
    `SELECT * FROM reporting_places ${includeRetired ? '' : 'WHERE NOT retired'} ORDER BY name`,
  );
  return rows.map(toPlaceView);
}

/** `reporting_places`: whether the register holds this place, not retired. */
export async function placeInUse(db: SqlDatabase, placeId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM reporting_places WHERE place_id = $1 AND NOT retired', [
    placeId,
  ]);
  return rows.length > 0;
}

/** `reporting_organisations`: one organisation's name and whether it is active, or null. */
export async function organisationOf(
  db: SqlDatabase,
  organisationId: string,
): Promise<{ name: string; active: boolean } | null> {
  const { rows } = await db.query<{ name: string; active: boolean }>(
    'SELECT name, active FROM reporting_organisations WHERE organisation_id = $1',
    [organisationId],
  );
  return rows[0] ?? null;
}

/** `reporting_organisations`: whether this organisation exists and is active. */
export async function organisationIsActive(db: SqlDatabase, organisationId: string): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM reporting_organisations WHERE organisation_id = $1 AND active',
    [organisationId],
  );
  return rows.length > 0;
}

/** `reporting_organisations`: an organisation's name, or null where it is not known (yet). */
export async function organisationName(db: SqlDatabase, organisationId: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>(
    'SELECT name FROM reporting_organisations WHERE organisation_id = $1',
    [organisationId],
  );
  return rows[0]?.name ?? null;
}

/**
 * `reporting_organisations`: the active organisations expected to report (not the coordinator's),
 * by name, with when each was registered (which weeks expect it is compliance's to say).
 */
export async function expectedOrganisations(db: SqlDatabase): Promise<ExpectedOrganisation[]> {
  const { rows } = await db.query<{
    organisation_id: string;
    name: string;
    registered_at: Date | string | null;
  }>(
    `SELECT organisation_id, name, registered_at FROM reporting_organisations
     WHERE active AND kind <> 'coordinator' ORDER BY name`,
  );
  return rows.map((row) => ({
    id: row.organisation_id,
    name: row.name,
    registeredAt: row.registered_at === null ? null : new Date(row.registered_at).toISOString(),
  }));
}
