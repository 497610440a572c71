import type { IncidentScope } from '@laget/contracts';

/**
 * What a compile takes from one organisation's submitted report. The reporting module's read
 * model is mapped to this shape; the lägesbild keeps its own copy (in the compile event) so that
 * a later amendment never changes a compiled week behind the coordinator's back.
 */
export interface SubmittedReportSnapshot {
  reportId: string;
  /** The report's stream version that was taken; an amendment is taken in only when it is newer. */
  reportVersion: number;
  organisationId: string;
  organisationName: string;
  /** Heading of the organisation's section; defaults to "<name>s rapport" ("Skolans rapport"). */
  sectionTitle?: string;
  /** The organisation's own text, or that it does not attend this week's meeting, or has nothing to report. */
  narrative: { kind: 'text'; text: string } | { kind: 'not_attending' } | { kind: 'nothing_to_report' };
  incidents: IncidentSnapshot[];
  /** Filed by the police: a summary in prose and the counted rows. */
  statistics?: { text: string; items: StatisticSnapshot[] };
}

export interface IncidentSnapshot {
  id: string;
  problem: string;
  location: string;
  occurredAt: string;
  frequency: string;
  assessment: { severity: number; scope: IncidentScope };
  comment: string;
  /** Absent on snapshots taken before incidents had categories (issue 18). */
  category?: string;
  placeId?: string;
}

export interface StatisticSnapshot {
  id: string;
  key: string;
  label: string;
  count: number;
  note?: string;
}
