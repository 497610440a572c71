import type { DocumentSection, IncidentItem, OngoingActionSnapshot, StatisticItem } from '@laget/contracts';
import { isAnalysisPeriodId } from '../reporting/analysis-period.js';
import { type CoordinatorTexts, layoutSections, sectionIds } from './lagesbild-layout.js';
import { statisticsSentence } from './statistics-sentence.js';
import type { SubmittedReportSnapshot } from './submitted-report-snapshot.js';

/*
 * The layout of a period analysis (a month, tertial or year): what the EST group's analysis
 * meeting needs rather than the week's form. The incident rows stay in the document, with their
 * week and category, because the charts are computed from them: a row the coordinator leaves out
 * of the open version is then gone from the open charts too (analysis-figures.ts). Section ids
 * are the week's where the meaning is the same, so redaction, audiences and editing work alike.
 */

/** Incidents filed before categories existed (and snapshots without one) count under this key. */
export const UNCATEGORISED = 'okategoriserad';

/** The previous period's incident counts per category, taken at compile for the comparison. */
export interface PeriodComparison {
  period: string;
  counts: Array<{ key: string; label: string; count: number }>;
}

export const analysisSectionIds = { previousPeriod: 'previous-period' } as const;

/**
 * The incident fields a period analysis' open version leaves empty: it publishes what the rows add
 * up to (week, category, place, assessment), not the weeks' prose again, which was redacted for
 * each week on its own. Being absent from the open version, they are not scanned for suggestions.
 */
const WITHHELD_IN_OPEN_ANALYSIS: ReadonlySet<string> = new Set([
  'problem',
  'occurredAt',
  'frequency',
  'comment',
]);

export function withheldFromOpen(period: string | null, section: DocumentSection, field: string): boolean {
  return (
    section.kind === 'incidents' &&
    WITHHELD_IN_OPEN_ANALYSIS.has(field) &&
    period !== null &&
    isAnalysisPeriodId(period)
  );
}

/** The week's layout for a week, the analysis layout for a month, tertial or year. */
export function layoutFor(
  period: string,
  reports: readonly SubmittedReportSnapshot[],
  texts: CoordinatorTexts,
  comparison: PeriodComparison | null,
  /** A week's "Pågående åtgärder" (issue 19); a period analysis does not list them. */
  actions: readonly OngoingActionSnapshot[] = [],
): DocumentSection[] {
  if (!isAnalysisPeriodId(period)) return layoutSections(reports, texts, actions);
  return layoutAnalysisSections(reports, texts, comparison);
}

function incidentItems(reports: readonly SubmittedReportSnapshot[]): IncidentItem[] {
  const items = reports.flatMap((report) =>
    report.incidents.map((incident): IncidentItem => ({
      id: incident.id,
      organisationId: report.organisationId,
      organisationName: report.organisationName,
      problem: incident.problem,
      location: incident.location,
      occurredAt: incident.occurredAt,
      frequency: incident.frequency,
      assessment: { severity: incident.assessment.severity, scope: incident.assessment.scope },
      comment: incident.comment,
      period: report.period ?? '',
      category: incident.category ?? UNCATEGORISED,
      ...(incident.categoryLabel ? { categoryLabel: incident.categoryLabel } : {}),
    })),
  );
  // Week order, then as the reports came: the table reads as a time line.
  return items.sort((a, b) => (a.period ?? '').localeCompare(b.period ?? ''));
}

function reportedWeeksText(reports: readonly SubmittedReportSnapshot[]): string {
  const weeks = [
    ...new Set(reports.map((report) => report.period ?? '').filter((week) => week !== '')),
  ].sort();
  if (weeks.length === 0) return 'Inga rapporter har kommit in för perioden.';
  return `Underlag: inskickade rapporter för ${weeks.join(', ')}.`;
}

/** The police's rows of every week, summed per kind (händelserapporter, ärenden, brott, each crime category). */
export function summedStatistics(reports: readonly SubmittedReportSnapshot[]): StatisticItem[] {
  const sums = new Map<string, StatisticItem>();
  for (const report of reports) {
    for (const row of report.statistics?.items ?? []) {
      const known = sums.get(row.key);
      if (known) known.count += row.count;
      else sums.set(row.key, { id: `sum-${row.key}`, key: row.key, label: row.label, count: row.count });
    }
  }
  return [...sums.values()];
}

export function layoutAnalysisSections(
  reports: readonly SubmittedReportSnapshot[],
  texts: CoordinatorTexts,
  comparison: PeriodComparison | null,
): DocumentSection[] {
  const statistics = summedStatistics(reports);
  const sections: DocumentSection[] = [
    { id: sectionIds.background, kind: 'background', title: 'Bakgrund', text: texts.background },
    {
      id: sectionIds.incidents,
      kind: 'incidents',
      title: 'Händelser under perioden',
      // The weeks that had reports in, so that the charts tell a week without reports (missing) from one without incidents (zero).
      text: reportedWeeksText(reports),
      items: incidentItems(reports),
    },
    {
      id: sectionIds.policeStatistics,
      kind: 'police_statistics',
      title: 'Polisens statistik, summerad för perioden',
      text: statistics.length > 0 ? statisticsSentence(statistics) : '',
      items: statistics,
    },
  ];
  if (comparison) {
    sections.push({
      id: analysisSectionIds.previousPeriod,
      kind: 'previous_period',
      title: `Föregående period (${comparison.period})`,
      items: comparison.counts.map(({ key, label, count }) => ({ id: `prev-${key}`, key, label, count })),
    });
  }
  sections.push(
    {
      id: sectionIds.coordinatorReport,
      kind: 'coordinator_report',
      title: 'Samordnarens analys',
      text: texts['coordinator-report'],
    },
    { id: sectionIds.other, kind: 'other', title: 'Övrigt', text: texts.other },
    {
      id: sectionIds.conclusions,
      kind: 'conclusions',
      title: 'EST-gruppens slutsatser',
      text: texts.conclusions,
    },
  );
  return sections;
}

/** Incident counts per category of the given reports, for the next period's comparison. */
export function countsPerCategory(
  reports: readonly SubmittedReportSnapshot[],
  labelOf: (key: string) => string,
): PeriodComparison['counts'] {
  const counts = new Map<string, number>();
  for (const report of reports) {
    for (const incident of report.incidents) {
      const key = incident.category ?? UNCATEGORISED;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => ({ key, label: labelOf(key), count }));
}
