import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { userDecider, type UserEvent } from './user.decider.js';

const created: UserEvent = {
  type: 'UserCreated',
  data: {
    userId: 'u1',
    username: 'anna',
    displayName: 'Anna Andersson',
    email: 'anna@example.org',
    organisationId: 'skolan',
    roles: ['reporter'],
  },
};
const passwordChanged: UserEvent = { type: 'UserPasswordChanged', data: { userId: 'u1' } };
const deactivated: UserEvent = { type: 'UserDeactivated', data: { userId: 'u1' } };

describe('User', () => {
  it('is created by an admin with a one-time password that must be changed', () => {
    deciderSpec(userDecider)
      .given([])
      .when({
        type: 'CreateUser',
        data: { ...(created.data as Extract<UserEvent, { type: 'UserCreated' }>['data']) },
      })
      .then([created, { type: 'OneTimePasswordIssued', data: { userId: 'u1', reason: 'created' } }]);
    expect(
      deciderSpec(userDecider).given([
        created,
        { type: 'OneTimePasswordIssued', data: { userId: 'u1', reason: 'created' } },
      ]).state,
    ).toMatchObject({
      mustChangePassword: true,
      active: true,
    });
  });

  it('holds each role once', () =>
    deciderSpec(userDecider)
      .given([])
      .when({
        type: 'CreateUser',
        data: {
          userId: 'u2',
          username: 'bo',
          displayName: 'Bo',
          email: null,
          organisationId: null,
          roles: ['reviewer', 'reviewer'],
        },
      })
      .then([
        {
          type: 'UserCreated',
          data: {
            userId: 'u2',
            username: 'bo',
            displayName: 'Bo',
            email: null,
            organisationId: null,
            roles: ['reviewer'],
          },
        },
        { type: 'OneTimePasswordIssued', data: { userId: 'u2', reason: 'created' } },
      ]));

  it('cannot be created twice', () =>
    deciderSpec(userDecider)
      .given([created])
      .when({
        type: 'CreateUser',
        data: {
          userId: 'u1',
          username: 'anna',
          displayName: 'A',
          email: null,
          organisationId: null,
          roles: [],
        },
      })
      .thenThrows({ kind: 'conflict' }));

  it('records changed details field by field, before and after', () =>
    deciderSpec(userDecider)
      .given([created])
      .when({
        type: 'ChangeUserDetails',
        data: { displayName: 'Anna A', email: 'anna@example.org', organisationId: 'nvk' },
      })
      .then([
        {
          type: 'UserDetailsChanged',
          data: {
            userId: 'u1',
            changes: {
              displayName: { before: 'Anna Andersson', after: 'Anna A' },
              organisationId: { before: 'skolan', after: 'nvk' },
            },
          },
        },
      ]));

  it('records nothing when the details are unchanged', () =>
    deciderSpec(userDecider)
      .given([created])
      .when({ type: 'ChangeUserDetails', data: { displayName: 'Anna Andersson' } })
      .then([]));

  it('changes roles and remembers the previous ones; the same set in another order is no change', () => {
    deciderSpec(userDecider)
      .given([created])
      .when({ type: 'ChangeUserRoles', data: { roles: ['reporter', 'est_member'] } })
      .then([
        {
          type: 'UserRolesChanged',
          data: { userId: 'u1', roles: ['reporter', 'est_member'], previousRoles: ['reporter'] },
        },
      ]);
    deciderSpec(userDecider)
      .given([
        created,
        {
          type: 'UserRolesChanged',
          data: { userId: 'u1', roles: ['reporter', 'est_member'], previousRoles: ['reporter'] },
        },
      ])
      .when({ type: 'ChangeUserRoles', data: { roles: ['est_member', 'reporter'] } })
      .then([]);
  });

  it('is deactivated and reactivated', () => {
    deciderSpec(userDecider).given([created]).when({ type: 'DeactivateUser', data: {} }).then([deactivated]);
    deciderSpec(userDecider)
      .given([created, deactivated])
      .when({ type: 'DeactivateUser', data: {} })
      .then([]);
    deciderSpec(userDecider)
      .given([created, deactivated])
      .when({ type: 'ReactivateUser', data: {} })
      .then([{ type: 'UserReactivated', data: { userId: 'u1' } }]);
  });

  it('gets a new one-time password on reset, which forces a change again', () => {
    const afterReset = deciderSpec(userDecider).given([
      created,
      passwordChanged,
      { type: 'OneTimePasswordIssued', data: { userId: 'u1', reason: 'reset' } },
    ]);
    expect(afterReset.state).toMatchObject({ mustChangePassword: true });
    deciderSpec(userDecider)
      .given([created, passwordChanged])
      .when({ type: 'IssueOneTimePassword', data: { reason: 'reset' } })
      .then([{ type: 'OneTimePasswordIssued', data: { userId: 'u1', reason: 'reset' } }]);
  });

  it('cannot have its password reset while deactivated', () =>
    deciderSpec(userDecider)
      .given([created, deactivated])
      .when({ type: 'IssueOneTimePassword', data: { reason: 'reset' } })
      .thenThrows({ kind: 'rule' }));

  it('changes its own password, which lifts the forced change', () => {
    deciderSpec(userDecider)
      .given([created])
      .when({ type: 'ChangeOwnPassword', data: {} })
      .then([passwordChanged]);
    expect(deciderSpec(userDecider).given([created, passwordChanged]).state).toMatchObject({
      mustChangePassword: false,
    });
  });

  it('that does not exist cannot be changed', () =>
    deciderSpec(userDecider)
      .given([])
      .when({ type: 'DeactivateUser', data: {} })
      .thenThrows({ kind: 'not_found' }));
});
