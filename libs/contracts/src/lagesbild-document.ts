/**
 * The lägesbild as the API returns it (CONTRACT.md, "The lägesbild document"), shared by the
 * API, the PDF and public renderers and the admin panel.
 */
export type SectionKind =
  | 'background'
  | 'incidents'
  | 'police_statistics'
  | 'coordinator_report'
  | 'organisation_report'
  | 'other'
  | 'conclusions'
  /** In a period analysis: the previous period's incident counts per category, to compare with. */
  | 'previous_period'
  /** "Pågående åtgärder" (issue 19): its heading, and one section per action. */
  | 'ongoing_actions'
  | 'ongoing_action';

export type LagesbildView = 'draft' | 'internal' | 'open' | `audience:${string}`;

export type IncidentScope = 'E' | 'A' | 'EA';

/** One row of the EST incident table. */
export interface IncidentItem {
  id: string;
  organisationId: string;
  organisationName: string;
  problem: string;
  location: string;
  occurredAt: string;
  frequency: string;
  assessment: { severity: number; scope: IncidentScope };
  comment: string;
  /** In a period analysis: the week the incident was reported for (`2025-W10`). */
  period?: string;
  /** The incident category's key (issue 18); absent in lägesbilder compiled before categories. */
  category?: string;
  /** In a period analysis: the category's label as configured when it was compiled. */
  categoryLabel?: string;
}

/**
 * The assessment as the seed writes it: severity 1–5, a dash, and the scope's letters apart,
 * "2 – E A". The one wording for the public page, the PDF and the admin panel's preview.
 */
export function assessmentText(assessment: IncidentItem['assessment']): string {
  return `${assessment.severity} – ${assessment.scope.split('').join(' ')}`;
}

/** One row of the police statistics: a total (händelserapporter, ärenden, brott) or a crime category count. */
export interface StatisticItem {
  id: string;
  /** `handelserapporter`, `arenden`, `brott`, or a crime category key. */
  key: string;
  label: string;
  count: number;
  note?: string;
}

export type DocumentItem = IncidentItem | StatisticItem;

export interface DocumentSection {
  id: string;
  kind: SectionKind;
  title: string;
  /** Set on organisation_report sections. */
  organisationId?: string;
  text?: string;
  items?: DocumentItem[];
}

export interface LagesbildDocument {
  /** The period, e.g. `2024-W48`. */
  id: string;
  period: string;
  status: 'draft' | 'compiled' | 'approved' | 'published' | 'retracted';
  /** Content revision: grows with every compile, edit and redaction change. */
  revision: number;
  /** Stream version for If-Match. */
  version: number;
  view: LagesbildView;
  sections: DocumentSection[];
  /** On the week whose meeting is the month's first (the månadsmöte): the month analysis it discusses, `2024-11`. */
  monthAnalysis?: string;
}

/** What a masked span reads as in the open version: never the original length or a partial word. */
export const MASK_MARKER = '[maskerat]';
