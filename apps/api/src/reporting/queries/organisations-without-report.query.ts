import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../../platform/platform.tokens.js';
import { expectedOrganisations } from '../reporting.queries.js';

/** The active organisations (the coordinator's own excepted) that are not among `submitted`, by name. */
export class OrganisationsWithoutReportQuery extends Query<{ id: string; name: string }[]> {
  constructor(readonly submitted: readonly { organisationId: string }[]) {
    super();
  }
}

@QueryHandler(OrganisationsWithoutReportQuery)
export class OrganisationsWithoutReportHandler implements IQueryHandler<OrganisationsWithoutReportQuery> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ submitted }: OrganisationsWithoutReportQuery): Promise<{ id: string; name: string }[]> {
    const reported = new Set(submitted.map((report) => report.organisationId));
    return (await expectedOrganisations(this.db))
      .filter((organisation) => !reported.has(organisation.id))
      .map(({ id, name }) => ({ id, name }));
  }
}
