import type { DocumentSection, IncidentItem, OngoingActionSnapshot, StatisticItem } from '@laget/contracts';
import { ongoingActionSections } from './ongoing-actions-layout.js';
import type { SubmittedReportSnapshot } from './submitted-report-snapshot.js';

/**
 * The seed's layout (`shared/seed` beside the repository): Bakgrund, the incident table, the police statistics, the
 * coordinator's report, one section per organisation, Övrigt, Slutsatser. Section ids are stable
 * across compiles so that redactions and audiences can point at them.
 */
export const sectionIds = {
  background: 'background',
  incidents: 'incidents',
  policeStatistics: 'police-statistics',
  coordinatorReport: 'coordinator-report',
  other: 'other',
  conclusions: 'conclusions',
} as const;

/** The sections the coordinator writes (Bakgrund starts from the municipality's configured text). */
export const coordinatorSectionIds = ['background', 'coordinator-report', 'other', 'conclusions'] as const;
export type CoordinatorSectionId = (typeof coordinatorSectionIds)[number];
export type CoordinatorTexts = Record<CoordinatorSectionId, string>;

export function isCoordinatorSectionId(id: string): id is CoordinatorSectionId {
  return (coordinatorSectionIds as readonly string[]).includes(id);
}

export const NOT_ATTENDING_TEXT = 'Deltar inte på mötet.';
export const NOTHING_TO_REPORT_TEXT = 'Inget att rapportera.';

function narrativeText(narrative: SubmittedReportSnapshot['narrative']): string {
  switch (narrative.kind) {
    case 'text':
      return narrative.text;
    case 'not_attending':
      return NOT_ATTENDING_TEXT;
    case 'nothing_to_report':
      return NOTHING_TO_REPORT_TEXT;
  }
}

export function organisationSectionId(organisationId: string): string {
  return `org-${organisationId}`;
}

/** Swedish genitive for a heading: "Skolans", "Polisens", "NVK:s", "Kultur & Fritids"; names ending in s, x or z take nothing. */
export function genitive(name: string): string {
  const trimmed = name.trim();
  if (/\p{Lu}$/u.test(trimmed) && /^[\p{Lu}\p{N}&\s-]+$/u.test(trimmed)) return `${trimmed}:s`;
  if (/[sxz]$/i.test(trimmed)) return trimmed;
  return `${trimmed}s`;
}

export function organisationSectionTitle(report: SubmittedReportSnapshot): string {
  return report.sectionTitle?.trim() || `${genitive(report.organisationName)} rapport`;
}

export function emptyCoordinatorTexts(background: string): CoordinatorTexts {
  return { background, 'coordinator-report': '', other: '', conclusions: '' };
}

/** Lays the reports and the coordinator's texts out as the internal version's sections. */
export function layoutSections(
  reports: readonly SubmittedReportSnapshot[],
  texts: CoordinatorTexts,
  actions: readonly OngoingActionSnapshot[] = [],
): DocumentSection[] {
  const incidents: IncidentItem[] = reports.flatMap((report) =>
    report.incidents.map((incident) => ({
      id: incident.id,
      organisationId: report.organisationId,
      organisationName: report.organisationName,
      problem: incident.problem,
      location: incident.location,
      occurredAt: incident.occurredAt,
      frequency: incident.frequency,
      assessment: { severity: incident.assessment.severity, scope: incident.assessment.scope },
      comment: incident.comment,
      ...(incident.category !== undefined ? { category: incident.category } : {}),
    })),
  );
  const withStatistics = reports.filter((report) => report.statistics !== undefined);
  const statistics: StatisticItem[] = withStatistics.flatMap((report) =>
    (report.statistics?.items ?? []).map((row) => {
      const item: StatisticItem = { id: row.id, key: row.key, label: row.label, count: row.count };
      if (row.note !== undefined) item.note = row.note;
      return item;
    }),
  );
  const statisticsText = withStatistics
    .map((report) => report.statistics?.text.trim() ?? '')
    .filter((text) => text.length > 0)
    .join('\n\n');

  const organisationSections: DocumentSection[] = reports.flatMap((report) => {
    const text = narrativeText(report.narrative);
    if (text.trim().length === 0) return [];
    return [
      {
        id: organisationSectionId(report.organisationId),
        kind: 'organisation_report' as const,
        title: organisationSectionTitle(report),
        organisationId: report.organisationId,
        text,
      },
    ];
  });

  return [
    { id: sectionIds.background, kind: 'background', title: 'Bakgrund', text: texts.background },
    {
      id: sectionIds.incidents,
      kind: 'incidents',
      title: 'Inrapporterade händelser för perioden',
      items: incidents,
    },
    {
      id: sectionIds.policeStatistics,
      kind: 'police_statistics',
      title: 'Polisens statistik',
      text: statisticsText,
      items: statistics,
    },
    {
      id: sectionIds.coordinatorReport,
      kind: 'coordinator_report',
      title: 'Brottsförebyggande samordnarens rapport',
      text: texts['coordinator-report'],
    },
    ...organisationSections,
    ...ongoingActionSections(actions),
    { id: sectionIds.other, kind: 'other', title: 'Övrigt', text: texts.other },
    { id: sectionIds.conclusions, kind: 'conclusions', title: 'Slutsatser', text: texts.conclusions },
  ];
}
