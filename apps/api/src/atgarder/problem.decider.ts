import type { ProblemStatus } from '@laget/contracts';
import { MAX_INCIDENTS_PER_PROBLEM } from '@laget/contracts';
import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { conflict, notFound, ruleBroken } from '../platform/domain/domain-error.js';

/**
 * A problem the EST group decides to work on ("Skadegörelse vid Åsens torg", issue 19): what it
 * is, where, its status, and the incidents of any week the coordinator has linked to it. One
 * stream per problem; the links live in it, so the problem page shows them as of its version.
 */
export const problemStreamId = (problemId: string) => `problem-${problemId}`;

export interface ProblemFields {
  title: string;
  category: string;
  placeIds: string[];
  description: string;
  status: ProblemStatus;
}

/** The editable fields, in the order a change lists them. */
export const PROBLEM_FIELDS = ['title', 'category', 'placeIds', 'description', 'status'] as const;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type ProblemCommand =
  | { type: 'OpenProblem'; data: { problemId: string } & ProblemFields }
  | { type: 'EditProblem'; data: Partial<ProblemFields> }
  | { type: 'LinkIncident'; data: { incidentId: string; period: string } }
  | { type: 'UnlinkIncident'; data: { incidentId: string } };

export type ProblemEvent =
  | DomainEvent<'ProblemOpened', { problemId: string } & ProblemFields>
  | DomainEvent<'ProblemEdited', { problemId: string; changes: FieldChange[] }>
  | DomainEvent<'ProblemIncidentLinked', { problemId: string; incidentId: string; period: string }>
  | DomainEvent<'ProblemIncidentUnlinked', { problemId: string; incidentId: string }>;

export const PROBLEM_EVENT_TYPES: readonly ProblemEvent['type'][] = [
  'ProblemOpened',
  'ProblemEdited',
  'ProblemIncidentLinked',
  'ProblemIncidentUnlinked',
];

export type ProblemState =
  { status: 'none' } | ({ problemId: string; incidentIds: string[] } & ProblemFields);

export type OpenedProblem = Exclude<ProblemState, { status: 'none' }>;

export const isOpened = (state: ProblemState): state is OpenedProblem => 'problemId' in state;

function opened(state: ProblemState): OpenedProblem {
  if (!isOpened(state)) throw notFound('Problem');
  return state;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function decideProblem(command: ProblemCommand, state: ProblemState): ProblemEvent[] {
  switch (command.type) {
    case 'OpenProblem': {
      if (isOpened(state)) {
        // The same request again (an Idempotency-Key retry decided afresh) changes nothing.
        const { problemId: _id, ...fields } = command.data;
        if (PROBLEM_FIELDS.every((field) => same(state[field], fields[field]))) return [];
        throw conflict('Problemet finns redan / The problem exists already', { problemId: state.problemId });
      }
      return [{ type: 'ProblemOpened', data: { ...command.data, placeIds: unique(command.data.placeIds) } }];
    }
    case 'EditProblem': {
      const problem = opened(state);
      const changes: FieldChange[] = [];
      for (const field of PROBLEM_FIELDS) {
        const raw = command.data[field];
        if (raw === undefined) continue;
        const after = field === 'placeIds' ? unique(raw as string[]) : raw;
        if (!same(problem[field], after)) changes.push({ field, before: problem[field], after });
      }
      return changes.length === 0
        ? []
        : [{ type: 'ProblemEdited', data: { problemId: problem.problemId, changes } }];
    }
    case 'LinkIncident': {
      const problem = opened(state);
      if (problem.incidentIds.includes(command.data.incidentId)) return [];
      if (problem.status === 'closed') {
        throw ruleBroken('Problemet är avslutat / The problem is closed', { status: problem.status });
      }
      if (problem.incidentIds.length >= MAX_INCIDENTS_PER_PROBLEM) {
        throw ruleBroken(`Högst ${MAX_INCIDENTS_PER_PROBLEM} händelser per problem / Too many incidents`);
      }
      return [{ type: 'ProblemIncidentLinked', data: { problemId: problem.problemId, ...command.data } }];
    }
    case 'UnlinkIncident': {
      const problem = opened(state);
      if (!problem.incidentIds.includes(command.data.incidentId)) return [];
      return [
        {
          type: 'ProblemIncidentUnlinked',
          data: { problemId: problem.problemId, incidentId: command.data.incidentId },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolveProblem(state: ProblemState, event: ProblemEvent): ProblemState {
  switch (event.type) {
    case 'ProblemOpened':
      return { ...event.data, placeIds: [...event.data.placeIds], incidentIds: [] };
    case 'ProblemEdited': {
      if (!isOpened(state)) return state;
      return event.data.changes.reduce<OpenedProblem>(
        (next, { field, after }) => ({ ...next, [field]: after }),
        state,
      );
    }
    case 'ProblemIncidentLinked':
      if (!isOpened(state)) return state;
      return { ...state, incidentIds: [...state.incidentIds, event.data.incidentId] };
    case 'ProblemIncidentUnlinked':
      if (!isOpened(state)) return state;
      return { ...state, incidentIds: state.incidentIds.filter((id) => id !== event.data.incidentId) };
    default:
      return assertNever(event);
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export const problemDecider: Decider<ProblemState, ProblemCommand, ProblemEvent> = {
  initialState: () => ({ status: 'none' }),
  decide: decideProblem,
  evolve: evolveProblem,
};
