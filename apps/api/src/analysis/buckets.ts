import type { TrendBucket } from '@laget/contracts';
import { analysisPeriodsOfWeek } from '../reporting/analysis-period.js';
import { addWeeks, comparePeriods, formatPeriod, parsePeriod } from '../reporting/period.js';

/**
 * Which month, tertial and year an ISO week belongs to: those of its Thursday (the reporting
 * calendar's rule, analysis-period.ts), so a week is never split between two buckets. Tertials are
 * the municipal ones: T1 January–April, T2 May–August, T3 September–December.
 */
export interface WeekBuckets {
  week: string;
  month: string;
  tertial: string;
  year: string;
}

/** The buckets of a week; `period` is a valid ISO week (`2024-W48`), else it throws. */
export function bucketsOfWeek(period: string): WeekBuckets {
  return { week: period, ...analysisPeriodsOfWeek(parsePeriod(period)) };
}

/** Every week from `from` to `to`, both included (empty when `to` is before `from`). */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const end = parsePeriod(to);
  for (let week = parsePeriod(from); comparePeriods(week, end) <= 0; week = addWeeks(week, 1))
    weeks.push(formatPeriod(week));
  return weeks;
}

/** The buckets the weeks fall in, in order, each once. */
export function bucketsBetween(from: string, to: string, bucket: TrendBucket): string[] {
  const keys = weeksBetween(from, to).map((week) => bucketsOfWeek(week)[bucket]);
  return keys.filter((key, index) => index === 0 || key !== keys[index - 1]);
}
