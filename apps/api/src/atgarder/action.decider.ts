import type { ActionStatus, FollowUpEffect } from '@laget/contracts';
import { MAX_FOLLOW_UPS_PER_ACTION } from '@laget/contracts';
import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { conflict, notFound, ruleBroken } from '../platform/domain/domain-error.js';
import type { FieldChange } from './problem.decider.js';

/**
 * An action (åtgärd) against a problem: who owns it, who is responsible, when it runs, its status
 * and its follow-ups (dated notes on its effect), issue 19. One stream per action, so an owner
 * organisation's reporter and the coordinator work on it without touching the problem's stream.
 */
export const actionStreamId = (actionId: string) => `action-${actionId}`;

export interface ActionFields {
  title: string;
  description: string;
  ownerOrganisationId: string;
  responsibleUserId: string | null;
  startsOn: string;
  dueOn: string;
  status: ActionStatus;
  public: boolean;
}

export const ACTION_FIELDS = [
  'title',
  'description',
  'ownerOrganisationId',
  'responsibleUserId',
  'startsOn',
  'dueOn',
  'status',
  'public',
] as const satisfies readonly (keyof ActionFields)[];

export interface FollowUp {
  on: string;
  effect: FollowUpEffect;
  text: string;
  byId: string;
  recordedAt: string;
}

export type ActionCommand =
  | { type: 'PlanAction'; data: { actionId: string; problemId: string; problemOpen: boolean } & ActionFields }
  | { type: 'EditAction'; data: Partial<ActionFields> }
  | { type: 'AddFollowUp'; data: FollowUp };

export type ActionEvent =
  | DomainEvent<'ActionPlanned', { actionId: string; problemId: string } & ActionFields>
  | DomainEvent<'ActionEdited', { actionId: string; changes: FieldChange[] }>
  | DomainEvent<'ActionFollowedUp', { actionId: string } & FollowUp>;

export const ACTION_EVENT_TYPES: readonly ActionEvent['type'][] = [
  'ActionPlanned',
  'ActionEdited',
  'ActionFollowedUp',
];

export type PlannedAction = { actionId: string; problemId: string; followUps: FollowUp[] } & ActionFields;
export type ActionState = { kind: 'none' } | ({ kind: 'planned' } & PlannedAction);

function planned(state: ActionState): PlannedAction & { kind: 'planned' } {
  if (state.kind === 'none') throw notFound('Action');
  return state;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function ensureDates(startsOn: string, dueOn: string): void {
  // ISO dates compare as strings.
  if (dueOn < startsOn) {
    throw ruleBroken('Klart senast kan inte ligga före startdatum / dueOn is before startsOn', {
      field: 'dueOn',
    });
  }
}

export function decideAction(command: ActionCommand, state: ActionState): ActionEvent[] {
  switch (command.type) {
    case 'PlanAction': {
      const { problemOpen, ...data } = command.data;
      if (state.kind === 'planned') {
        const { actionId: _id, ...fields } = data;
        if (
          same(
            { ...pick(state), problemId: state.problemId },
            { ...pick(fields), problemId: fields.problemId },
          )
        )
          return [];
        throw conflict('Åtgärden finns redan / The action exists already', { actionId: state.actionId });
      }
      if (!problemOpen) {
        throw ruleBroken('Problemet är avslutat eller finns inte / The problem is closed or missing', {
          field: 'problemId',
        });
      }
      ensureDates(data.startsOn, data.dueOn);
      return [{ type: 'ActionPlanned', data }];
    }
    case 'EditAction': {
      const action = planned(state);
      const changes: FieldChange[] = [];
      for (const field of ACTION_FIELDS) {
        const after = command.data[field];
        if (after !== undefined && !same(action[field], after)) {
          changes.push({ field, before: action[field], after });
        }
      }
      if (changes.length === 0) return [];
      ensureDates(command.data.startsOn ?? action.startsOn, command.data.dueOn ?? action.dueOn);
      return [{ type: 'ActionEdited', data: { actionId: action.actionId, changes } }];
    }
    case 'AddFollowUp': {
      const action = planned(state);
      if (action.status === 'cancelled') {
        throw ruleBroken('Åtgärden är avbruten / The action is cancelled', { status: action.status });
      }
      if (action.followUps.length >= MAX_FOLLOW_UPS_PER_ACTION) {
        throw ruleBroken(`Högst ${MAX_FOLLOW_UPS_PER_ACTION} uppföljningar / Too many follow-ups`);
      }
      if (command.data.on < action.startsOn) {
        throw ruleBroken('Uppföljningen ligger före åtgärdens start / The follow-up is before the start', {
          field: 'on',
        });
      }
      return [{ type: 'ActionFollowedUp', data: { actionId: action.actionId, ...command.data } }];
    }
    default:
      return assertNever(command);
  }
}

function pick(fields: ActionFields): ActionFields {
  return Object.fromEntries(ACTION_FIELDS.map((field) => [field, fields[field]])) as unknown as ActionFields;
}

export function evolveAction(state: ActionState, event: ActionEvent): ActionState {
  switch (event.type) {
    case 'ActionPlanned':
      return { kind: 'planned', ...event.data, followUps: [] };
    case 'ActionEdited':
      if (state.kind === 'none') return state;
      return event.data.changes.reduce<ActionState>(
        (next, { field, after }) => ({ ...next, [field]: after }),
        state,
      );
    case 'ActionFollowedUp': {
      if (state.kind === 'none') return state;
      const { actionId: _id, ...followUp } = event.data;
      // Kept in date order (a follow-up may be written for an earlier date); ties keep their order.
      const followUps = [...state.followUps, followUp].sort((a, b) => a.on.localeCompare(b.on));
      return { ...state, followUps };
    }
    default:
      return assertNever(event);
  }
}

export const actionDecider: Decider<ActionState, ActionCommand, ActionEvent> = {
  initialState: () => ({ kind: 'none' }),
  decide: decideAction,
  evolve: evolveAction,
};
