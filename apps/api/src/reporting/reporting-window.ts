import { DomainError } from '../platform/domain/domain-error.js';
import { addWeeks, comparePeriods, formatPeriod, periodContaining, type PeriodId } from './period.js';

/**
 * Which weeks a report may be opened for. Nobody reports on a week that has not started. A
 * reporter reports on the running week and `weeksBack` weeks before it (LAGET_REPORTING_WEEKS_BACK);
 * further back is a coordinator's decision (filing on an organisation's behalf), recorded on the
 * report as opened by a coordinator.
 */
export type OpenedAs = 'coordinator' | 'reporter';

export function checkReportingWindow(
  period: PeriodId,
  now: Date,
  weeksBack: number,
  openedAs: OpenedAs,
): void {
  const running = periodContaining(now);
  if (comparePeriods(period, running) > 0) {
    throw new DomainError(
      'rule',
      `period: ${formatPeriod(period)} har inte börjat än / period: ${formatPeriod(period)} has not started yet`,
      { field: 'period', latest: formatPeriod(running) },
    );
  }
  if (openedAs === 'coordinator') return;
  const earliest = addWeeks(running, -weeksBack);
  if (comparePeriods(period, earliest) < 0) {
    throw new DomainError(
      'rule',
      `period: rapporter kan öppnas för innevarande vecka och ${weeksBack} veckor bakåt, tidigast ${formatPeriod(earliest)}; äldre veckor öppnar samordnaren / ` +
        `period: reports can be opened for the running week and ${weeksBack} weeks back, ${formatPeriod(earliest)} at the earliest; the coordinator opens older weeks`,
      { field: 'period', earliest: formatPeriod(earliest), latest: formatPeriod(running) },
    );
  }
}
