import type { ActionView, ProblemIncidentView, ProblemView } from '@laget/contracts';
import type { PlannedAction } from './action.decider.js';
import type { OpenedProblem } from './problem.decider.js';

/** A problem's state as CONTRACT.md answers it. */
export function problemView(state: OpenedProblem, version: number): ProblemView {
  return {
    id: state.problemId,
    title: state.title,
    category: state.category,
    placeIds: [...state.placeIds],
    description: state.description,
    status: state.status,
    incidentIds: [...state.incidentIds],
    version,
  };
}

/** An action's state as CONTRACT.md answers it. */
export function actionView(state: PlannedAction, version: number): ActionView {
  return {
    id: state.actionId,
    problemId: state.problemId,
    title: state.title,
    description: state.description,
    ownerOrganisationId: state.ownerOrganisationId,
    responsibleUserId: state.responsibleUserId,
    startsOn: state.startsOn,
    dueOn: state.dueOn,
    status: state.status,
    public: state.public,
    followUps: state.followUps.map((followUp) => ({ ...followUp })),
    version,
  };
}

export interface IncidentRow {
  incident_id: string;
  report_id: string;
  period: string;
  organisation_id: string;
  problem: string;
  location: string;
  place_id: string | null;
  category: string | null;
  severity: number | null;
  withdrawn: boolean;
}

export function incidentView(row: IncidentRow): ProblemIncidentView {
  return {
    incidentId: row.incident_id,
    reportId: row.report_id,
    period: row.period,
    organisationId: row.organisation_id,
    problem: row.problem,
    location: row.location,
    placeId: row.place_id,
    category: row.category,
    severity: row.severity === null ? null : Number(row.severity),
    withdrawn: row.withdrawn,
  };
}
