import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { OrganisationDto } from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import { notFound } from '../../platform/domain/domain-error.js';
import type { Caller } from '../caller.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';

/** An organisation the caller may read; 404 otherwise, as if it did not exist. */
export class GetOrganisationQuery extends Query<OrganisationDto> {
  constructor(
    readonly caller: Caller,
    readonly organisationId: string,
  ) {
    super();
  }
}

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery> {
  constructor(private readonly organisations: OrganisationsReadModel) {}

  async execute({ caller, organisationId: id }: GetOrganisationQuery) {
    const organisation = await this.organisations.get(id);
    if (!organisation || !caller.ability.can('read', asSubject('Organisation', { id })))
      throw notFound('Organisation');
    return organisation;
  }
}
