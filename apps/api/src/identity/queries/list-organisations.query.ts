import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { OrganisationDto } from '@laget/contracts';
import { OrganisationsReadModel, type OrganisationFilter } from '../organisations.read-model.js';
import type { Page, PageRequest } from './page.js';

/** Organisations by filter, one page (the controller has checked that the caller may read them). */
export class ListOrganisationsQuery extends Query<Page<OrganisationDto>> {
  constructor(
    readonly filter: OrganisationFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery> {
  constructor(private readonly organisations: OrganisationsReadModel) {}

  execute({ filter, page }: ListOrganisationsQuery) {
    return this.organisations.list(filter, page);
  }
}
