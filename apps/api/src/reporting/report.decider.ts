import {
  MAX_INCIDENTS_PER_REPORT,
  type Attendance,
  type IncidentScope,
  type PoliceStatistics,
  type ReportStatus,
} from '@laget/contracts';
import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { conflict, DomainError, notFound, ruleBroken } from '../platform/domain/domain-error.js';
import {
  checkIncidentCategory,
  diffIncident,
  type FieldChange,
  type Incident,
  type IncidentFields,
} from './incident-fields.js';
import type { PeriodStatus } from './period.js';

/**
 * One organisation's report for one period (DESIGN.md, the weekly cycle, step 2–3). Every
 * change event carries field-level before/after values, so the audit view can show a diff
 * without replaying the stream.
 */

export type { FieldChange, Incident, IncidentFields } from './incident-fields.js';
export { diffIncident };

/** The period as the report sees it: compiled periods lock reports unless reopened for that compilation. */
export interface PeriodContext {
  status: PeriodStatus;
  /** How many times the lägesbild has been compiled; a reopening holds until the next compile. */
  compilation: number;
}

export type ReportCommand =
  | {
      type: 'OpenReport';
      data: {
        reportId: string;
        period: string;
        organisationId: string;
        openedById: string;
        /** The role the report was opened in: a coordinator may open weeks a reporter may not. */
        openedAs?: 'coordinator' | 'reporter';
        at: string;
      };
    }
  | {
      type: 'EditReport';
      data: {
        narrative?: string;
        attendance?: Attendance;
        statistics?: PoliceStatistics | null;
        /** Crime category keys the municipality uses. */
        categories: readonly string[];
        period: PeriodContext;
      };
    }
  | {
      type: 'AddIncident';
      data: {
        incidentId: string;
        incident: IncidentFields;
        period: PeriodContext;
        /** The incident category keys the municipality uses. */
        categories: readonly string[];
      };
    }
  | {
      type: 'EditIncident';
      data: {
        incidentId: string;
        changes: Partial<IncidentFields>;
        period: PeriodContext;
        categories: readonly string[];
      };
    }
  | { type: 'WithdrawIncident'; data: { incidentId: string; reason: string | null; period: PeriodContext } }
  | { type: 'SubmitReport'; data: { at: string; period: PeriodContext } }
  | { type: 'WithdrawReport'; data: { at: string; reason: string | null; period: PeriodContext } }
  | { type: 'ReopenReport'; data: { reason: string; period: PeriodContext } };

export type ReportEvent =
  | DomainEvent<
      'ReportOpened',
      /** `openedById`: a coordinator may file on an organisation's behalf (the permission rules ask who opened it). */
      {
        reportId: string;
        period: string;
        organisationId: string;
        openedById: string;
        openedAt: string;
        /** Absent on reports opened before it was recorded (optional: no upcaster needed). */
        openedAs?: 'coordinator' | 'reporter';
      }
    >
  | DomainEvent<'NarrativeWritten', { changes: FieldChange[] }>
  | DomainEvent<'AttendanceDeclared', { changes: FieldChange[] }>
  | DomainEvent<'PoliceStatisticsRecorded', { changes: FieldChange[] }>
  | DomainEvent<'IncidentReported', { incidentId: string; incident: IncidentFields; changes: FieldChange[] }>
  | DomainEvent<'IncidentEdited', { incidentId: string; changes: FieldChange[] }>
  | DomainEvent<'IncidentWithdrawn', { incidentId: string; reason: string | null; changes: FieldChange[] }>
  | DomainEvent<'ReportSubmitted', { submittedAt: string; submission: number }>
  | DomainEvent<'ReportResubmitted', { submittedAt: string; submission: number }>
  | DomainEvent<
      'ReportWithdrawn',
      { withdrawnAt: string; reason: string | null; previousStatus: ReportStatus }
    >
  | DomainEvent<'ReportReopened', { reason: string; compilation: number }>;

export type ReportEventType = ReportEvent['type'];
export const REPORT_EVENT_TYPES: readonly ReportEventType[] = [
  'ReportOpened',
  'NarrativeWritten',
  'AttendanceDeclared',
  'PoliceStatisticsRecorded',
  'IncidentReported',
  'IncidentEdited',
  'IncidentWithdrawn',
  'ReportSubmitted',
  'ReportResubmitted',
  'ReportWithdrawn',
  'ReportReopened',
];

export type ReportState =
  | { status: 'none' }
  | {
      status: ReportStatus;
      reportId: string;
      period: string;
      organisationId: string;
      openedById: string;
      attendance: Attendance;
      narrative: string;
      statistics: PoliceStatistics | null;
      incidents: Incident[];
      submissions: number;
      submittedAt: string | null;
      /** The compilation this report was reopened for, if any. */
      reopenedFor: number | null;
    };

type OpenReportState = Exclude<ReportState, { status: 'none' }>;

export const initialReportState = (): ReportState => ({ status: 'none' });

export function isLocked(state: OpenReportState, period: PeriodContext): boolean {
  return period.status !== 'open' && state.reopenedFor !== period.compilation;
}

export function decideReport(command: ReportCommand, state: ReportState): ReportEvent[] {
  if (command.type === 'OpenReport') {
    if (state.status !== 'none') throw conflict('Rapporten finns redan / The report already exists');
    const { reportId, period, organisationId, openedById, openedAs, at } = command.data;
    return [
      {
        type: 'ReportOpened',
        data: {
          reportId,
          period,
          organisationId,
          openedById,
          openedAt: at,
          ...(openedAs ? { openedAs } : {}),
        },
      },
    ];
  }
  if (state.status === 'none') throw notFound('Report');
  if (command.type === 'ReopenReport') return reopen(command.data, state);
  if (isLocked(state, command.data.period)) {
    throw ruleBroken(
      'Perioden är sammanställd och rapporten är låst; samordnaren kan öppna den igen / ' +
        'The period is compiled and the report is locked; the coordinator can reopen it',
      { period: state.period },
    );
  }
  switch (command.type) {
    case 'EditReport':
      return editReport(command.data, state);
    case 'AddIncident':
      return addIncident(command.data, state);
    case 'EditIncident':
      return editIncident(command.data, state);
    case 'WithdrawIncident': {
      const incident = findIncident(state, command.data.incidentId);
      const { id: _id, ...before } = incident;
      return [
        {
          type: 'IncidentWithdrawn',
          data: { incidentId: incident.id, reason: command.data.reason, changes: diffIncident(before, null) },
        },
      ];
    }
    case 'SubmitReport':
      return submit(command.data.at, state);
    case 'WithdrawReport':
      if (state.status === 'draft') {
        throw ruleBroken(
          'Ett utkast kan inte dras tillbaka / A draft cannot be withdrawn; it has not been submitted',
        );
      }
      if (state.status === 'withdrawn')
        throw conflict('Rapporten är redan tillbakadragen / The report is already withdrawn');
      return [
        {
          type: 'ReportWithdrawn',
          data: { withdrawnAt: command.data.at, reason: command.data.reason, previousStatus: state.status },
        },
      ];
    default:
      return assertNever(command);
  }
}

function reopen(data: { reason: string; period: PeriodContext }, state: OpenReportState): ReportEvent[] {
  if (data.period.status === 'open') {
    throw ruleBroken(
      'Perioden är inte sammanställd; rapporten är redan öppen / The period is not compiled; the report is open',
    );
  }
  if (!isLocked(state, data.period))
    throw conflict('Rapporten är redan öppnad igen / The report is already reopened');
  if (data.reason.trim() === '') {
    throw new DomainError('invalid', 'Motivering krävs / A reason is required', { field: 'reason' });
  }
  return [{ type: 'ReportReopened', data: { reason: data.reason, compilation: data.period.compilation } }];
}

function editReport(
  data: Extract<ReportCommand, { type: 'EditReport' }>['data'],
  state: OpenReportState,
): ReportEvent[] {
  const events: ReportEvent[] = [];
  if (data.narrative !== undefined && data.narrative !== state.narrative) {
    events.push({
      type: 'NarrativeWritten',
      data: { changes: [{ field: 'narrative', before: state.narrative, after: data.narrative }] },
    });
  }
  if (data.attendance !== undefined && data.attendance !== state.attendance) {
    events.push({
      type: 'AttendanceDeclared',
      data: { changes: [{ field: 'attendance', before: state.attendance, after: data.attendance }] },
    });
  }
  if (data.statistics !== undefined) {
    if (data.statistics) checkCategories(data.statistics, data.categories);
    const changes = diffStatistics(state.statistics, data.statistics);
    if (changes.length > 0) events.push({ type: 'PoliceStatisticsRecorded', data: { changes } });
  }
  return events;
}

function checkCategories(statistics: PoliceStatistics, allowed: readonly string[]): void {
  statistics.categories.forEach((row, index) => {
    if (!allowed.includes(row.category)) {
      throw new DomainError(
        'invalid',
        `Brottskategori: "${row.category}" finns inte i kommunens lista / category is not in the municipality's list`,
        { field: `statistics.categories.${index}.category`, allowed },
      );
    }
  });
}

function addIncident(
  data: Extract<ReportCommand, { type: 'AddIncident' }>['data'],
  state: OpenReportState,
): ReportEvent[] {
  checkIncidentCategory(data.incident.category, data.categories);
  const existing = state.incidents.find((incident) => incident.id === data.incidentId);
  if (existing) {
    const { id: _id, ...fields } = existing;
    if (diffIncident(fields, data.incident).length === 0) return []; // the same request again
    throw conflict('Händelsen finns redan / The incident already exists', { incidentId: data.incidentId });
  }
  if (state.incidents.length >= MAX_INCIDENTS_PER_REPORT) {
    throw ruleBroken(
      `En rapport kan ha högst ${MAX_INCIDENTS_PER_REPORT} händelser / A report holds at most ${MAX_INCIDENTS_PER_REPORT} incidents`,
      { field: 'incidents' },
    );
  }
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: data.incidentId,
        incident: data.incident,
        changes: diffIncident(null, data.incident),
      },
    },
  ];
}

function editIncident(
  data: Extract<ReportCommand, { type: 'EditIncident' }>['data'],
  state: OpenReportState,
): ReportEvent[] {
  const incident = findIncident(state, data.incidentId);
  if (data.changes.category !== undefined && data.changes.category !== incident.category) {
    checkIncidentCategory(data.changes.category, data.categories);
  }
  const { id: _id, ...before } = incident;
  const after: IncidentFields = {
    ...before,
    ...definedOnly(data.changes),
    assessment: { ...before.assessment, ...definedOnly(data.changes.assessment ?? {}) },
  };
  const changes = diffIncident(before, after);
  return changes.length === 0 ? [] : [{ type: 'IncidentEdited', data: { incidentId: incident.id, changes } }];
}

function submit(at: string, state: OpenReportState): ReportEvent[] {
  if (state.status === 'submitted') {
    throw conflict(
      'Rapporten är redan inskickad och oförändrad / The report is already submitted and unchanged',
    );
  }
  const hasContent = state.incidents.length > 0 || state.narrative.trim() !== '' || state.statistics !== null;
  if (state.attendance === 'reporting' && !hasContent) {
    throw ruleBroken(
      'Rapporten är tom: lägg till en händelse, skriv en rapport eller välj "Inget att rapportera" / ' +
        'The report is empty: add an incident, write a narrative or choose "nothing to report"',
      { field: 'attendance' },
    );
  }
  if (state.attendance === 'nothing_to_report' && state.incidents.length > 0) {
    throw ruleBroken(
      'Rapporten har händelser men säger "Inget att rapportera" / The report has incidents but says "nothing to report"',
      { field: 'attendance' },
    );
  }
  const submission = state.submissions + 1;
  return state.status === 'amended'
    ? [{ type: 'ReportResubmitted', data: { submittedAt: at, submission } }]
    : [{ type: 'ReportSubmitted', data: { submittedAt: at, submission } }];
}

function findIncident(state: OpenReportState, incidentId: string): Incident {
  const incident = state.incidents.find((candidate) => candidate.id === incidentId);
  if (!incident) throw notFound('Incident');
  return incident;
}

function diffStatistics(before: PoliceStatistics | null, after: PoliceStatistics | null): FieldChange[] {
  if (before === null || after === null) {
    return sameValue(before, after) ? [] : [{ field: 'statistics', before, after }];
  }
  const changes: FieldChange[] = [];
  for (const field of ['handelserapporter', 'arenden', 'brott', 'note', 'categories'] as const) {
    if (!sameValue(before[field] ?? null, after[field] ?? null)) {
      changes.push({
        field: `statistics.${field}`,
        before: before[field] ?? null,
        after: after[field] ?? null,
      });
    }
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A change to the content moves a submitted report to amended, and a withdrawn one back to draft. */
function touched(state: OpenReportState): OpenReportState {
  const status: ReportStatus =
    state.status === 'submitted' ? 'amended' : state.status === 'withdrawn' ? 'draft' : state.status;
  return { ...state, status };
}

export function evolveReport(state: ReportState, event: ReportEvent): ReportState {
  if (event.type === 'ReportOpened') {
    return {
      status: 'draft',
      reportId: event.data.reportId,
      period: event.data.period,
      organisationId: event.data.organisationId,
      openedById: event.data.openedById,
      attendance: 'reporting',
      narrative: '',
      statistics: null,
      incidents: [],
      submissions: 0,
      submittedAt: null,
      reopenedFor: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'NarrativeWritten':
      return touched({ ...state, narrative: afterOf(event.data.changes, 'narrative', state.narrative) });
    case 'AttendanceDeclared':
      return touched({ ...state, attendance: afterOf(event.data.changes, 'attendance', state.attendance) });
    case 'PoliceStatisticsRecorded':
      return touched({ ...state, statistics: applyStatistics(state.statistics, event.data.changes) });
    case 'IncidentReported':
      return touched({
        ...state,
        incidents: [...state.incidents, { id: event.data.incidentId, ...event.data.incident }],
      });
    case 'IncidentEdited':
      return touched({
        ...state,
        incidents: state.incidents.map((incident) =>
          incident.id === event.data.incidentId ? applyIncident(incident, event.data.changes) : incident,
        ),
      });
    case 'IncidentWithdrawn':
      return touched({
        ...state,
        incidents: state.incidents.filter((incident) => incident.id !== event.data.incidentId),
      });
    case 'ReportSubmitted':
    case 'ReportResubmitted':
      return {
        ...state,
        status: 'submitted',
        submissions: event.data.submission,
        submittedAt: event.data.submittedAt,
      };
    case 'ReportWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'ReportReopened':
      return { ...state, reopenedFor: event.data.compilation };
    default:
      return assertNever(event);
  }
}

function afterOf<T>(changes: FieldChange[], field: string, fallback: T): T {
  const change = changes.find((candidate) => candidate.field === field);
  return change ? (change.after as T) : fallback;
}

function applyIncident(incident: Incident, changes: FieldChange[]): Incident {
  let next: Incident = { ...incident, assessment: { ...incident.assessment } };
  for (const { field, after } of changes) {
    if (field === 'assessment.severity') next.assessment.severity = after as number;
    else if (field === 'assessment.scope') next.assessment.scope = after as IncidentScope;
    else next = { ...next, [field]: after };
  }
  return next;
}

function applyStatistics(current: PoliceStatistics | null, changes: FieldChange[]): PoliceStatistics | null {
  let next = current;
  for (const { field, after } of changes) {
    if (field === 'statistics') next = after as PoliceStatistics | null;
    else if (next) next = { ...next, [field.slice('statistics.'.length)]: after ?? undefined };
  }
  return next;
}

export const reportDecider: Decider<ReportState, ReportCommand, ReportEvent> = {
  initialState: initialReportState,
  decide: decideReport,
  evolve: evolveReport,
};
