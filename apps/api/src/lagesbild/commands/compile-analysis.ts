import type { QueryBus } from '@nestjs/cqrs';
import {
  type AnalysisPeriod,
  formatAnalysisPeriod,
  previousAnalysisPeriod,
  weeksOf,
} from '../../reporting/analysis-period.js';
import { SubmittedSnapshotsQuery } from '../../reporting/index.js';
import { countsPerCategory, type PeriodComparison } from '../analysis-layout.js';
import { categoryLabel } from '../category-labels.js';
import type { SubmittedReportSnapshot } from '../submitted-report-snapshot.js';

/**
 * What a period analysis is compiled from: the submitted snapshot of every report of every week
 * in the period (and only those weeks), each marked with its week. Weeks with nothing submitted
 * add nothing: the charts show them as missing, not as zero.
 */
export async function gatherPeriodReports(
  queryBus: QueryBus,
  period: AnalysisPeriod,
): Promise<SubmittedReportSnapshot[]> {
  const perWeek = await Promise.all(
    weeksOf(period).map(async (week) => {
      const reports = await queryBus.execute(new SubmittedSnapshotsQuery(week));
      return reports.map((report) => ({ ...report, period: week }));
    }),
  );
  return perWeek.flat();
}

/** The previous period's counts per category; absent when nothing was submitted in it. */
export async function previousPeriodComparison(
  queryBus: QueryBus,
  period: AnalysisPeriod,
): Promise<PeriodComparison | undefined> {
  const previous = previousAnalysisPeriod(period);
  const reports = await gatherPeriodReports(queryBus, previous);
  if (reports.length === 0) return undefined;
  return {
    period: formatAnalysisPeriod(previous),
    counts: countsPerCategory(reports, (key) => categoryLabel(key)),
  };
}
