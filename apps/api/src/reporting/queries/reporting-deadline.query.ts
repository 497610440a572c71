import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarOf, parsePeriod } from '../period.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';

/** When the week's reports are due (ISO 8601 in Swedish time, as `GET /api/periods/:period` says it). */
export class ReportingDeadlineQuery extends Query<string> {
  constructor(readonly period: string) {
    super();
  }
}

@QueryHandler(ReportingDeadlineQuery)
export class ReportingDeadlineHandler implements IQueryHandler<ReportingDeadlineQuery> {
  constructor(@Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings) {}

  execute({ period }: ReportingDeadlineQuery): Promise<string> {
    return Promise.resolve(calendarOf(parsePeriod(period), this.settings).reportingDeadline);
  }
}
