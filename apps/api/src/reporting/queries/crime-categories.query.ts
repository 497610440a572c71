import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';

type CrimeCategories = ReportingSettings['crimeCategories'];

/** The crime categories of the police statistics, as this municipality configured them. */
export class CrimeCategoriesQuery extends Query<CrimeCategories> {}

@QueryHandler(CrimeCategoriesQuery)
export class CrimeCategoriesHandler implements IQueryHandler<CrimeCategoriesQuery> {
  constructor(@Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings) {}

  execute(): Promise<CrimeCategories> {
    return Promise.resolve(this.settings.crimeCategories);
  }
}
