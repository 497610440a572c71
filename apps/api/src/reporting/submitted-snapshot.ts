import type { CrimeCategory, PoliceStatistics } from '@laget/contracts';
import { statisticsSentence, totalNote } from '../lagesbild/statistics-sentence.js';
import type { StatisticSnapshot, SubmittedReportSnapshot } from '../lagesbild/submitted-report-snapshot.js';
import { evolveReport, initialReportState, type ReportEvent, type ReportState } from './report.decider.js';

/**
 * What the lägesbild compile takes from a report: the report as it stood at its latest
 * submission (an amendment not yet re-submitted is not taken), with that submission's version.
 * Null for a report that does not count: never submitted, or withdrawn since.
 */
export function submittedSnapshotOf(
  events: readonly ReportEvent[],
  organisationName: string,
  categories: readonly CrimeCategory[],
): SubmittedReportSnapshot | null {
  let state: ReportState = initialReportState();
  let submitted: { state: ReportState; version: number } | null = null;
  events.forEach((event, index) => {
    state = evolveReport(state, event);
    if (event.type === 'ReportSubmitted' || event.type === 'ReportResubmitted')
      submitted = { state, version: index + 1 };
    if (event.type === 'ReportWithdrawn') submitted = null;
  });
  const taken = submitted as { state: ReportState; version: number } | null;
  if (!taken || taken.state.status === 'none') return null;
  const report = taken.state;
  const labelOf = new Map(categories.map((category) => [category.key, category.label]));
  const narrative: SubmittedReportSnapshot['narrative'] =
    report.attendance === 'not_attending'
      ? { kind: 'not_attending' }
      : report.attendance === 'nothing_to_report' && report.narrative.trim() === ''
        ? { kind: 'nothing_to_report' }
        : { kind: 'text', text: report.narrative };
  return {
    reportId: report.reportId,
    reportVersion: taken.version,
    organisationId: report.organisationId,
    organisationName,
    narrative,
    incidents: report.incidents.map((incident) => ({
      id: incident.id,
      problem: incident.problem,
      location: incident.location,
      occurredAt: incident.occurredAt.raw,
      frequency: incident.frequency,
      assessment: incident.assessment,
      comment: incident.comment,
      category: incident.category,
      ...(incident.placeId ? { placeId: incident.placeId } : {}),
    })),
    ...(report.statistics ? { statistics: statisticsSnapshot(report.statistics, labelOf) } : {}),
  };
}

/**
 * The police rows, the note on the händelserapporter total with them, and the paragraph as the
 * seed writes it ("29 händelserapporter, … 13 ärenden med sammanlagt 21 brott; 2 …"), generated
 * from those rows so that the open version can generate it again from the rows it keeps.
 */
export function statisticsSnapshot(
  statistics: PoliceStatistics,
  labelOf: Map<string, string>,
): NonNullable<SubmittedReportSnapshot['statistics']> {
  const note = totalNote(statistics.note);
  const items: StatisticSnapshot[] = [
    {
      id: 'handelserapporter',
      key: 'handelserapporter',
      label: 'Händelserapporter',
      count: statistics.handelserapporter,
      ...(note ? { note } : {}),
    },
    { id: 'arenden', key: 'arenden', label: 'Ärenden', count: statistics.arenden },
    { id: 'brott', key: 'brott', label: 'Brott', count: statistics.brott },
    ...statistics.categories.map((row, index) => ({
      id: `category-${index}`,
      key: row.category,
      label: labelOf.get(row.category) ?? row.category,
      count: row.count,
      ...(row.note ? { note: row.note } : {}),
    })),
  ];
  return { text: statisticsSentence(items), items };
}
