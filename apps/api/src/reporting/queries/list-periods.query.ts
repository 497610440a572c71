import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PeriodView } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { Clock } from '../../platform/commands/clock.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { complianceOf } from '../compliance.js';
import {
  addWeeks,
  calendarOf,
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodContaining,
  type PeriodId,
} from '../period.js';
import { ReportingProjections } from '../reporting-projections.runner.js';
import {
  complianceRows,
  earliestReportedPeriod,
  expectedOrganisations,
  periodStatuses,
} from '../reporting.queries.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';
import type { Page } from './list-reports.query.js';

/** The weeks from the current one backwards, newest first, each with a count of who has reported. */
export class ListPeriodsQuery extends Query<{ items: PeriodView[]; total: number }> {
  constructor(readonly page: Page) {
    super();
  }
}

@QueryHandler(ListPeriodsQuery)
export class ListPeriodsHandler implements IQueryHandler<ListPeriodsQuery> {
  constructor(
    private readonly clock: Clock,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
    private readonly projections: ReportingProjections,
  ) {}

  async execute({ page }: ListPeriodsQuery): Promise<{ items: PeriodView[]; total: number }> {
    await this.projections.waitUntilCaughtUp();
    const current = periodContaining(this.clock.now());
    const earliest = await earliestReportedPeriod(this.db);
    const first = earliest ? parsePeriod(earliest) : addWeeks(current, -11);
    let total = 1;
    for (let week = current; comparePeriods(week, first) > 0 && total < 520; week = addWeeks(week, -1))
      total++;
    total = Math.max(total, 12);
    const weeks: PeriodId[] = [];
    for (
      let index = (page.page - 1) * page.perPage;
      index < Math.min(total, page.page * page.perPage);
      index++
    ) {
      weeks.push(addWeeks(current, -index));
    }
    const ids = weeks.map(formatPeriod);
    const [organisations, rows, statuses] = await Promise.all([
      expectedOrganisations(this.db),
      complianceRows(this.db, ids),
      periodStatuses(this.db, ids),
    ]);
    const statusOf = new Map(statuses.map((row) => [row.period, row.status]));
    const earlyOf = new Map(statuses.map((row) => [row.period, row.compiled_early === true]));
    const now = this.clock.now();
    const items = weeks.map((week) => {
      const entries = complianceOf(week, organisations, rows, now, this.settings);
      const { compliance: _omitted, ...calendar } = {
        ...calendarOf(week, this.settings),
        compliance: undefined,
      };
      return {
        ...calendar,
        status: statusOf.get(formatPeriod(week)) ?? 'open',
        // As the reports see it (period-status.ts): the left-out may file until the deadline, no longer.
        compiledEarly:
          (earlyOf.get(formatPeriod(week)) ?? false) &&
          now.getTime() <= Date.parse(calendar.reportingDeadline),
        reported: entries.filter((entry) => entry.state === 'on_time' || entry.state === 'late').length,
        expected: entries.length,
      } satisfies PeriodView;
    });
    return { items, total };
  }
}
