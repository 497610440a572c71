import type { QueryBus } from '@nestjs/cqrs';
import {
  type AnalysisPeriod,
  formatAnalysisPeriod,
  previousAnalysisPeriod,
  weeksOf,
} from '../reporting/analysis-period.js';
import { IncidentCategoriesQuery, SubmittedSnapshotsQuery } from '../reporting/index.js';
import { countsPerCategory, type PeriodComparison, UNCATEGORISED } from './analysis-layout.js';
import { categoryLabel } from './category-labels.js';
import type { SubmittedReportSnapshot } from './submitted-report-snapshot.js';

/**
 * What a period analysis is compiled from: the submitted snapshot of every report of every week
 * in the period (and only those weeks), each marked with its week and each incident with its
 * category's label as configured now (GET /api/incident-categories), so that the analysis reads
 * the same after the list changes. Weeks with nothing submitted add nothing: the charts show them
 * as missing, not as zero.
 */
export async function gatherPeriodReports(
  queryBus: QueryBus,
  period: AnalysisPeriod,
  labels: ReadonlyMap<string, string>,
): Promise<SubmittedReportSnapshot[]> {
  const perWeek = await Promise.all(
    weeksOf(period).map(async (week) => {
      const reports = await queryBus.execute(new SubmittedSnapshotsQuery(week));
      return reports.map((report) => ({
        ...report,
        period: week,
        incidents: report.incidents.map((incident) => ({
          ...incident,
          categoryLabel: categoryLabel(incident.category ?? UNCATEGORISED, labels),
        })),
      }));
    }),
  );
  return perWeek.flat();
}

/** The configured categories' labels by key. */
export async function configuredLabels(queryBus: QueryBus): Promise<ReadonlyMap<string, string>> {
  const categories = await queryBus.execute(new IncidentCategoriesQuery());
  return new Map(categories.map(({ key, label }) => [key, label] as const));
}

/** The previous period's counts per category; absent when nothing was submitted in it. */
export async function previousPeriodComparison(
  queryBus: QueryBus,
  period: AnalysisPeriod,
  labels: ReadonlyMap<string, string>,
): Promise<PeriodComparison | undefined> {
  const previous = previousAnalysisPeriod(period);
  const reports = await gatherPeriodReports(queryBus, previous, labels);
  if (reports.length === 0) return undefined;
  return {
    period: formatAnalysisPeriod(previous),
    counts: countsPerCategory(reports, (key) => categoryLabel(key, labels)),
  };
}
