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
import type { LagesbildAggregate } from './lagesbild-aggregate.js';
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

/** An incident left out of its week's open version, to be left out of the analysis' too. */
export interface CarriedExclusion {
  itemId: string;
  week: string;
  legalGround: string;
  reason: string;
}

/**
 * The incidents the coordinator left out of each week's open version (one by one, or the whole
 * incident table). An analysis made later must not publish again what a week withheld, so the
 * compile leaves them out of the analysis' open version as well (lifting one is recorded, as any).
 */
export async function weekExclusions(
  lagesbild: Pick<LagesbildAggregate, 'load'>,
  weeks: readonly string[],
): Promise<CarriedExclusion[]> {
  const perWeek = await Promise.all(
    weeks.map(async (week) => {
      const loaded = await lagesbild.load(week);
      if (!loaded.exists) return [];
      const incidents = loaded.state.sections.find((section) => section.kind === 'incidents');
      if (!incidents) return [];
      return loaded.state.redactions.flatMap((redaction): CarriedExclusion[] => {
        if (redaction.kind !== 'exclude' || redaction.target.sectionId !== incidents.id) return [];
        const { legalGround, reason } = redaction;
        const itemIds =
          redaction.target.kind === 'item'
            ? [redaction.target.itemId]
            : (incidents.items ?? []).map((item) => item.id);
        return itemIds.map((itemId) => ({ itemId, week, legalGround, reason }));
      });
    }),
  );
  return perWeek.flat();
}
