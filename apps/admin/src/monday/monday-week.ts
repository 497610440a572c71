import type { PeriodView } from '@laget/contracts';
import { currentPeriod } from '../shared/week.js';

/**
 * The week the coordinator's Monday is about: the newest week that has started and is either
 * compiled and waiting (compiled early, or not yet published) or past its reporting deadline —
 * on a Monday morning that is last week. Periods are ISO weeks, so their ids sort in time order.
 */
export function mondayWeek(
  periods: readonly Pick<PeriodView, 'id' | 'status' | 'reportingDeadline'>[],
  now: Date = new Date(),
  today: string = currentPeriod(now),
): string | undefined {
  const started = periods.filter((p) => p.id <= today).sort((a, b) => b.id.localeCompare(a.id));
  const due = started.find(
    (p) => p.status === 'compiled' || new Date(p.reportingDeadline).getTime() <= now.getTime(),
  );
  return (due ?? started[0])?.id;
}
