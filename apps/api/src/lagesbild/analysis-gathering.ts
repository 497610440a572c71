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
import { isStale } from './redaction-staleness.js';
import { fieldValue } from './redaction-target.js';
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
 * A span of an incident's place masked in its week's open version, to be masked in the
 * analysis' too: the analysis publishes each incident's place (ADR 0027), and a mask there meant
 * "do not say where this happened" (ADR 0030).
 */
export interface CarriedLocationMask {
  itemId: string;
  week: string;
  /** The place as the week holds it, and the span masked in it (all of it where the mask went stale). */
  location: string;
  start: number;
  end: number;
  legalGround: string;
  reason: string;
}

/**
 * What each week kept out of its open version that an analysis made later must keep out too:
 * the incidents it left out (one by one, or the whole incident table) and the masks on incidents'
 * places. The compile records each as a redaction of the analysis (lifting one is recorded, as
 * any). Masks in the prose need no carrying: the analysis publishes none of it (ADR 0027).
 */
export async function weekRedactions(
  lagesbild: Pick<LagesbildAggregate, 'load'>,
  weeks: readonly string[],
): Promise<{ exclusions: CarriedExclusion[]; locationMasks: CarriedLocationMask[] }> {
  const perWeek = await Promise.all(
    weeks.map(async (week) => {
      const loaded = await lagesbild.load(week);
      const incidents = loaded.exists
        ? loaded.state.sections.find((section) => section.kind === 'incidents')
        : undefined;
      if (!incidents) return { exclusions: [], locationMasks: [] };
      const exclusions: CarriedExclusion[] = [];
      const locationMasks: CarriedLocationMask[] = [];
      for (const redaction of loaded.state.redactions) {
        if (redaction.target.sectionId !== incidents.id) continue;
        const { legalGround, reason } = redaction;
        if (redaction.kind === 'exclude') {
          const itemIds =
            redaction.target.kind === 'item'
              ? [redaction.target.itemId]
              : (incidents.items ?? []).map((item) => item.id);
          exclusions.push(...itemIds.map((itemId) => ({ itemId, week, legalGround, reason })));
          continue;
        }
        const { itemId, field } = redaction.target;
        if (field !== 'location' || itemId === null) continue;
        const location = fieldValue(incidents, itemId, field) ?? '';
        if (location === '') continue;
        const stale = isStale(loaded.state.sections, redaction);
        locationMasks.push({
          itemId,
          week,
          location,
          start: stale ? 0 : redaction.start,
          end: stale ? location.length : redaction.end,
          legalGround,
          reason,
        });
      }
      return { exclusions, locationMasks };
    }),
  );
  return {
    exclusions: perWeek.flatMap((week) => week.exclusions),
    locationMasks: perWeek.flatMap((week) => week.locationMasks),
  };
}
