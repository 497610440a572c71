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
 * `reports` holds the rows of every period of the record.
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
  return organisations.map((organisation) => {
    const report = byKey.get(`${current} ${organisation.id}`);
    return {
      organisationId: organisation.id,
      organisationName: organisation.name,
      state: complianceState(period, report, now, settings, weeks.at(-1)!.deadline),
      reportId: report?.reportId ?? null,
      reportStatus: report?.status ?? null,
      submittedAt: report?.countedSubmittedAt ?? null,
      record: weeks.map(({ week, id, deadline }) => ({
        period: id,
        state: complianceState(week, byKey.get(`${id} ${organisation.id}`), now, settings, deadline),
      })),
    };
  });
}
