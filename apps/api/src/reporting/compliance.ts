import type { ComplianceEntry, ComplianceState, ReportStatus } from '@laget/contracts';
import { addWeeks, deadlineOf, formatPeriod, type PeriodId, type PeriodSettings } from './period.js';

/** What the compliance view needs of one report (a row of the report list projection). */
export interface ReportRow {
  reportId: string;
  period: string;
  organisationId: string;
  status: ReportStatus;
  /** The submission that counts; null while never submitted or since withdrawn. */
  countedSubmittedAt: string | null;
}

export interface ExpectedOrganisation {
  id: string;
  name: string;
  /** When it was registered (ISO 8601); absent or null: expected in every week. */
  registeredAt?: string | null;
}

/**
 * Whether a week asks this organisation for a report: it was registered by the week's deadline,
 * or it has a report for the week all the same (a late-registered organisation that files for
 * the week it joined, or the demo's seed week filed by organisations registered today). An
 * organisation registered after the deadline could not have reported in time, so it is neither
 * pending nor missing there: it is left out, as someone nobody expected a report from.
 */
export function expectedIn(
  organisation: ExpectedOrganisation,
  deadline: number,
  report: ReportRow | undefined,
): boolean {
  if (report || !organisation.registeredAt) return true;
  return Date.parse(organisation.registeredAt) <= deadline;
}

export const RECORD_WEEKS = 12;

/** One organisation, one period: a submitted answer counts, lateness is measured at that submission. */
export function complianceState(
  period: PeriodId,
  report: Pick<ReportRow, 'countedSubmittedAt'> | undefined,
  now: Date,
  settings: PeriodSettings,
  deadline: number = deadlineOf(period, settings).getTime(),
): ComplianceState {
  if (report?.countedSubmittedAt) {
    return Date.parse(report.countedSubmittedAt) > deadline ? 'late' : 'on_time';
  }
  return now.getTime() > deadline ? 'missing' : 'pending';
}

/** The weeks of the record that ends with `period`, oldest first. */
export function recordWeeks(period: PeriodId, weeks = RECORD_WEEKS): PeriodId[] {
  return Array.from({ length: weeks }, (_, index) => addWeeks(period, index - weeks + 1));
}

/**
 * Who has reported for the period, who is late, who has not, and each one's last 12 weeks.
 * `reports` holds the rows of every period of the record. Only organisations the period expects
 * (expectedIn) are listed, and a record holds only the weeks that expected its organisation.
 */
export function complianceOf(
  period: PeriodId,
  organisations: readonly ExpectedOrganisation[],
  reports: readonly ReportRow[],
  now: Date,
  settings: PeriodSettings,
): ComplianceEntry[] {
  const byKey = new Map(reports.map((row) => [`${row.period} ${row.organisationId}`, row]));
  const weeks = recordWeeks(period).map((week) => ({
    week,
    id: formatPeriod(week),
    deadline: deadlineOf(week, settings).getTime(),
  }));
  const current = formatPeriod(period);
  const deadline = weeks.at(-1)!.deadline;
  return organisations.flatMap((organisation) => {
    const report = byKey.get(`${current} ${organisation.id}`);
    if (!expectedIn(organisation, deadline, report)) return [];
    const record = weeks.flatMap(({ week, id, deadline: weekDeadline }) => {
      const weekReport = byKey.get(`${id} ${organisation.id}`);
      if (!expectedIn(organisation, weekDeadline, weekReport)) return [];
      return [{ period: id, state: complianceState(week, weekReport, now, settings, weekDeadline) }];
    });
    return [
      {
        organisationId: organisation.id,
        organisationName: organisation.name,
        state: complianceState(period, report, now, settings, deadline),
        reportId: report?.reportId ?? null,
        reportStatus: report?.status ?? null,
        submittedAt: report?.countedSubmittedAt ?? null,
        record,
      },
    ];
  });
}
