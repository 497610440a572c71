import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PeriodView } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { complianceOf, recordWeeks } from '../compliance.js';
import { lagesbildStreamId } from '../../lagesbild/lagesbild-stream.js';
import { acceptsLateReports, periodStatusFolder } from '../period-status.js';
import { calendarOf, formatPeriod, parsePeriod } from '../period.js';
import { ReportingProjections } from '../reporting-projections.runner.js';
import { complianceRows, expectedOrganisations } from '../reporting.queries.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';

/** A week (`YYYY-Www`) with its calendar, status and who has reported (compliance). */
export class GetPeriodQuery extends Query<PeriodView> {
  constructor(readonly period: string) {
    super();
  }
}

@QueryHandler(GetPeriodQuery)
export class GetPeriodHandler implements IQueryHandler<GetPeriodQuery> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
    private readonly projections: ReportingProjections,
  ) {}

  async execute({ period: periodText }: GetPeriodQuery): Promise<PeriodView> {
    const period = parsePeriod(periodText);
    await this.projections.waitUntilCaughtUp();
    const [week, organisations, rows] = await Promise.all([
      this.runner.load(lagesbildStreamId(periodText), periodStatusFolder),
      expectedOrganisations(this.db),
      complianceRows(this.db, recordWeeks(period).map(formatPeriod)),
    ]);
    return {
      ...calendarOf(period, this.settings),
      status: week.state.status,
      compiledEarly: acceptsLateReports(week.state, this.clock.now()),
      compliance: complianceOf(period, organisations, rows, this.clock.now(), this.settings),
    };
  }
}
