import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { organisationDecider, type OrganisationEvent } from './organisation.decider.js';

const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: { organisationId: 'skolan', name: 'Skolan', kind: 'school' },
};

describe('Organisation', () => {
  it('is registered with a name and a kind', () =>
    deciderSpec(organisationDecider)
      .given([])
      .when({
        type: 'RegisterOrganisation',
        data: { organisationId: 'skolan', name: 'Skolan', kind: 'school' },
      })
      .then([registered]));

  it('cannot be registered twice', () =>
    deciderSpec(organisationDecider)
      .given([registered])
      .when({
        type: 'RegisterOrganisation',
        data: { organisationId: 'skolan', name: 'Skolan', kind: 'school' },
      })
      .thenThrows({ kind: 'conflict' }));

  it('is renamed, and the old name is kept in the event', () =>
    deciderSpec(organisationDecider)
      .given([registered])
      .when({ type: 'RenameOrganisation', data: { name: 'Norbergs skolor' } })
      .then([
        {
          type: 'OrganisationRenamed',
          data: { organisationId: 'skolan', name: 'Norbergs skolor', previousName: 'Skolan' },
        },
      ]));

  it('records nothing when renamed to its own name', () =>
    deciderSpec(organisationDecider)
      .given([registered])
      .when({ type: 'RenameOrganisation', data: { name: 'Skolan' } })
      .then([]));

  it('refuses an empty name', () =>
    deciderSpec(organisationDecider)
      .given([registered])
      .when({ type: 'RenameOrganisation', data: { name: '  ' } })
      .thenThrows({ kind: 'invalid', details: { field: 'name' } }));

  it('changes kind', () =>
    deciderSpec(organisationDecider)
      .given([registered])
      .when({ type: 'ChangeOrganisationKind', data: { kind: 'municipal_company' } })
      .then([
        {
          type: 'OrganisationKindChanged',
          data: { organisationId: 'skolan', kind: 'municipal_company', previousKind: 'school' },
        },
      ]));

  it('is deactivated, keeping its history, and deactivating again records nothing', () => {
    deciderSpec(organisationDecider)
      .given([registered])
      .when({ type: 'DeactivateOrganisation', data: {} })
      .then([{ type: 'OrganisationDeactivated', data: { organisationId: 'skolan' } }]);
    const deactivated = deciderSpec(organisationDecider).given([
      registered,
      { type: 'OrganisationDeactivated', data: { organisationId: 'skolan' } },
    ]);
    expect(deactivated.state).toMatchObject({ name: 'Skolan', active: false });
    deactivated.when({ type: 'DeactivateOrganisation', data: {} }).then([]);
  });

  it('is reactivated', () =>
    deciderSpec(organisationDecider)
      .given([registered, { type: 'OrganisationDeactivated', data: { organisationId: 'skolan' } }])
      .when({ type: 'ReactivateOrganisation', data: {} })
      .then([{ type: 'OrganisationReactivated', data: { organisationId: 'skolan' } }]));

  it('that does not exist cannot be changed', () =>
    deciderSpec(organisationDecider)
      .given([])
      .when({ type: 'RenameOrganisation', data: { name: 'X' } })
      .thenThrows({ kind: 'not_found' }));
});
