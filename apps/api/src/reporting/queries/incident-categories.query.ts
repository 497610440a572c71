import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { IncidentCategory } from '@laget/contracts';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';

/** The categories a reporter files an incident under, as this municipality configured them. */
export class IncidentCategoriesQuery extends Query<readonly IncidentCategory[]> {}

@QueryHandler(IncidentCategoriesQuery)
export class IncidentCategoriesHandler implements IQueryHandler<IncidentCategoriesQuery> {
  constructor(@Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings) {}

  execute(): Promise<readonly IncidentCategory[]> {
    return Promise.resolve(this.settings.incidentCategories);
  }
}
