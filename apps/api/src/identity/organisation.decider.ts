import type { OrganisationKind } from '@laget/contracts';
import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { DomainError, conflict, notFound } from '../platform/domain/domain-error.js';

/** One EST actor (Polisen, Skolan, …): stream `organisation-<id>`. */
export const organisationStream = (organisationId: string) => `organisation-${organisationId}`;

export type OrganisationCommand =
  | { type: 'RegisterOrganisation'; data: { organisationId: string; name: string; kind: OrganisationKind } }
  | { type: 'RenameOrganisation'; data: { name: string } }
  | { type: 'ChangeOrganisationKind'; data: { kind: OrganisationKind } }
  | { type: 'DeactivateOrganisation'; data: Record<string, never> }
  | { type: 'ReactivateOrganisation'; data: Record<string, never> };

export type OrganisationEvent =
  | DomainEvent<'OrganisationRegistered', { organisationId: string; name: string; kind: OrganisationKind }>
  | DomainEvent<'OrganisationRenamed', { organisationId: string; name: string; previousName: string }>
  | DomainEvent<
      'OrganisationKindChanged',
      { organisationId: string; kind: OrganisationKind; previousKind: OrganisationKind }
    >
  | DomainEvent<'OrganisationDeactivated', { organisationId: string }>
  | DomainEvent<'OrganisationReactivated', { organisationId: string }>;

export type OrganisationState =
  | { status: 'unregistered' }
  | { status: 'registered'; id: string; name: string; kind: OrganisationKind; active: boolean };

export const ORGANISATION_EVENT_TYPES: readonly OrganisationEvent['type'][] = [
  'OrganisationRegistered',
  'OrganisationRenamed',
  'OrganisationKindChanged',
  'OrganisationDeactivated',
  'OrganisationReactivated',
];

function decide(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  if (command.type === 'RegisterOrganisation') {
    if (state.status === 'registered') throw conflict('The organisation already exists');
    const { organisationId, name, kind } = command.data;
    if (name.trim() === '') throw new DomainError('invalid', 'name must not be empty', { field: 'name' });
    return [{ type: 'OrganisationRegistered', data: { organisationId, name, kind } }];
  }
  if (state.status === 'unregistered') throw notFound('Organisation');
  const organisationId = state.id;
  switch (command.type) {
    case 'RenameOrganisation': {
      const { name } = command.data;
      if (name.trim() === '') throw new DomainError('invalid', 'name must not be empty', { field: 'name' });
      if (name === state.name) return [];
      return [{ type: 'OrganisationRenamed', data: { organisationId, name, previousName: state.name } }];
    }
    case 'ChangeOrganisationKind':
      if (command.data.kind === state.kind) return [];
      return [
        {
          type: 'OrganisationKindChanged',
          data: { organisationId, kind: command.data.kind, previousKind: state.kind },
        },
      ];
    // Deactivating twice changes nothing, so it records nothing: PATCH {active:false} is idempotent.
    case 'DeactivateOrganisation':
      return state.active ? [{ type: 'OrganisationDeactivated', data: { organisationId } }] : [];
    case 'ReactivateOrganisation':
      return state.active ? [] : [{ type: 'OrganisationReactivated', data: { organisationId } }];
    default:
      return assertNever(command);
  }
}

function evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return {
        status: 'registered',
        id: event.data.organisationId,
        name: event.data.name,
        kind: event.data.kind,
        active: true,
      };
    case 'OrganisationRenamed':
      return state.status === 'registered' ? { ...state, name: event.data.name } : state;
    case 'OrganisationKindChanged':
      return state.status === 'registered' ? { ...state, kind: event.data.kind } : state;
    case 'OrganisationDeactivated':
      return state.status === 'registered' ? { ...state, active: false } : state;
    case 'OrganisationReactivated':
      return state.status === 'registered' ? { ...state, active: true } : state;
    default:
      return assertNever(event);
  }
}

export const organisationDecider: Decider<OrganisationState, OrganisationCommand, OrganisationEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide,
  evolve,
};
