import type { Role } from '@laget/permissions';
import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { DomainError, conflict, notFound, ruleBroken } from '../platform/domain/domain-error.js';

/**
 * A login: stream `user-<id>`, its account changes with who, when and from where (metadata).
 * Security facts (logins, lockouts, tokens) go to a stream of their own (security-events.ts), so
 * that logging in does not move the version an admin's edit is based on. No event holds a
 * password or its hash: they say *that* a password was set; the hash lives in the credentials table.
 */
export const userStream = (userId: string) => `user-${userId}`;

export type PasswordReason = 'created' | 'reset';

export interface UserDetails {
  displayName: string;
  email: string | null;
  organisationId: string | null;
}

export type UserCommand =
  | {
      type: 'CreateUser';
      data: { userId: string; username: string; roles: Role[] } & UserDetails;
    }
  | { type: 'ChangeUserDetails'; data: Partial<UserDetails> }
  | { type: 'ChangeUserRoles'; data: { roles: Role[] } }
  | { type: 'DeactivateUser'; data: Record<string, never> }
  | { type: 'ReactivateUser'; data: Record<string, never> }
  | { type: 'IssueOneTimePassword'; data: { reason: PasswordReason } }
  | { type: 'ChangeOwnPassword'; data: Record<string, never> };

export type UserEvent =
  | DomainEvent<'UserCreated', { userId: string; username: string; roles: Role[] } & UserDetails>
  | DomainEvent<
      'UserDetailsChanged',
      {
        userId: string;
        changes: { [K in keyof UserDetails]?: { before: UserDetails[K]; after: UserDetails[K] } };
      }
    >
  | DomainEvent<'UserRolesChanged', { userId: string; roles: Role[]; previousRoles: Role[] }>
  | DomainEvent<'UserDeactivated', { userId: string }>
  | DomainEvent<'UserReactivated', { userId: string }>
  | DomainEvent<'OneTimePasswordIssued', { userId: string; reason: PasswordReason }>
  | DomainEvent<'UserPasswordChanged', { userId: string }>;

export const USER_EVENT_TYPES: readonly UserEvent['type'][] = [
  'UserCreated',
  'UserDetailsChanged',
  'UserRolesChanged',
  'UserDeactivated',
  'UserReactivated',
  'OneTimePasswordIssued',
  'UserPasswordChanged',
];

export type UserState =
  | { status: 'absent' }
  | ({
      status: 'present';
      id: string;
      username: string;
      roles: Role[];
      active: boolean;
      mustChangePassword: boolean;
    } & UserDetails);

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

function decide(command: UserCommand, state: UserState): UserEvent[] {
  if (command.type === 'CreateUser') {
    if (state.status === 'present') throw conflict('The login already exists');
    const { userId } = command.data;
    return [
      { type: 'UserCreated', data: { ...command.data, roles: [...new Set(command.data.roles)] } },
      { type: 'OneTimePasswordIssued', data: { userId, reason: 'created' } },
    ];
  }
  if (state.status === 'absent') throw notFound('User');
  const userId = state.id;
  switch (command.type) {
    case 'ChangeUserDetails': {
      const changes: Extract<UserEvent, { type: 'UserDetailsChanged' }>['data']['changes'] = {};
      for (const field of ['displayName', 'email', 'organisationId'] as const) {
        const after = command.data[field];
        if (after === undefined || after === state[field]) continue;
        if (field === 'displayName' && (after ?? '').trim() === '')
          throw new DomainError('invalid', 'displayName must not be empty', { field: 'displayName' });
        Object.assign(changes, { [field]: { before: state[field], after } });
      }
      return Object.keys(changes).length === 0
        ? []
        : [{ type: 'UserDetailsChanged', data: { userId, changes } }];
    }
    case 'ChangeUserRoles': {
      const roles = [...new Set(command.data.roles)];
      if (sameRoles(roles, state.roles)) return [];
      return [{ type: 'UserRolesChanged', data: { userId, roles, previousRoles: state.roles } }];
    }
    case 'DeactivateUser':
      return state.active ? [{ type: 'UserDeactivated', data: { userId } }] : [];
    case 'ReactivateUser':
      return state.active ? [] : [{ type: 'UserReactivated', data: { userId } }];
    case 'IssueOneTimePassword':
      if (!state.active)
        throw ruleBroken('The login is deactivated; reactivate it before resetting its password');
      return [{ type: 'OneTimePasswordIssued', data: { userId, reason: command.data.reason } }];
    case 'ChangeOwnPassword':
      if (!state.active) throw ruleBroken('The login is deactivated');
      return [{ type: 'UserPasswordChanged', data: { userId } }];
    default:
      return assertNever(command);
  }
}

function evolve(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserCreated') {
    const { userId, username, roles, displayName, email, organisationId } = event.data;
    return {
      status: 'present',
      id: userId,
      username,
      roles,
      displayName,
      email,
      organisationId,
      active: true,
      mustChangePassword: true,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'UserDetailsChanged': {
      const next = { ...state };
      for (const [field, change] of Object.entries(event.data.changes))
        Object.assign(next, { [field]: change?.after });
      return next;
    }
    case 'UserRolesChanged':
      return { ...state, roles: event.data.roles };
    case 'UserDeactivated':
      return { ...state, active: false };
    case 'UserReactivated':
      return { ...state, active: true };
    case 'OneTimePasswordIssued':
      return { ...state, mustChangePassword: true };
    case 'UserPasswordChanged':
      return { ...state, mustChangePassword: false };
    default:
      return assertNever(event);
  }
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide,
  evolve,
};
