import type { TrendBucket } from '@laget/contracts';

/**
 * Which month, tertial and year an ISO week belongs to: the month of its Thursday, as ISO 8601
 * gives a week to the year of its Thursday, so a week is never split between two buckets.
 * Tertials are the municipal ones: T1 January–April, T2 May–August, T3 September–December.
 */
export interface WeekBuckets {
  week: string;
  month: string;
  tertial: string;
  year: string;
}

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-W(\d{2})$/;

/** The Thursday of an ISO week, as a UTC date. */
export function thursdayOf(period: string): Date {
  const match = PATTERN.exec(period);
  if (!match) throw new Error(`Not an ISO week: ${period}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(jan4 - jan4Weekday * DAY_MS + (week - 1) * 7 * DAY_MS + 3 * DAY_MS);
}

export function bucketsOfWeek(period: string): WeekBuckets {
  const thursday = thursdayOf(period);
  const year = thursday.getUTCFullYear();
  const month = thursday.getUTCMonth() + 1;
  return {
    week: period,
    month: `${year}-${String(month).padStart(2, '0')}`,
    tertial: `${year}-T${Math.ceil(month / 4)}`,
    year: String(year),
  };
}

/** The ISO week of a UTC date. */
export function weekOf(date: Date): string {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every week from `from` to `to`, both included (empty when `to` is before `from`). */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const end = thursdayOf(to).getTime();
  for (let t = thursdayOf(from).getTime(); t <= end; t += 7 * DAY_MS) weeks.push(weekOf(new Date(t)));
  return weeks;
}

/** The buckets the weeks fall in, in order, each once. */
export function bucketsBetween(from: string, to: string, bucket: TrendBucket): string[] {
  const keys = weeksBetween(from, to).map((week) => bucketsOfWeek(week)[bucket]);
  return keys.filter((key, index) => index === 0 || key !== keys[index - 1]);
}
