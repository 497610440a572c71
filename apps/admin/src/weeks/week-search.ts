import type { PeriodView } from '@laget/contracts';
import { parsePeriod } from '../shared/week.js';

/**
 * What a person types to find a week: "2024-W48", "v48 2024", "vecka 48", "48" or "2024".
 * A year is four digits, a week one or two; either may be left out. Undefined when the text is
 * not a week at all, so the list can say so instead of silently showing nothing.
 */
export interface WeekQuery {
  year?: number;
  week?: number;
}

// Longest words first, so "vecka" is not read as "v" plus leftovers.
const weekWords = /\b(veckan|vecka|week|wk|v|w)\.?(?=\s|\d|$)/g;

export function parseWeekQuery(text: string): WeekQuery | undefined {
  const cleaned = text
    .toLowerCase()
    .replace(/(\d{4})-?w(\d{1,2})/g, '$1 $2')
    .replace(weekWords, ' ')
    .replace(/[-,/]/g, ' ')
    .trim();
  if (!cleaned) return undefined;
  const query: WeekQuery = {};
  for (const token of cleaned.split(/\s+/)) {
    if (/^\d{4}$/.test(token) && query.year === undefined) query.year = Number(token);
    else if (/^\d{1,2}$/.test(token) && query.week === undefined && Number(token) >= 1 && Number(token) <= 53)
      query.week = Number(token);
    else return undefined;
  }
  return query;
}

/** The one period a query names exactly (year and week), for jumping straight to it. */
export function exactPeriod(query: WeekQuery | undefined): string | undefined {
  if (query?.year === undefined || query.week === undefined) return undefined;
  const period = `${query.year}-W${String(query.week).padStart(2, '0')}`;
  return parsePeriod(period) ? period : undefined;
}

export function matchesWeek(period: string, query: WeekQuery): boolean {
  const parsed = parsePeriod(period);
  if (!parsed) return false;
  return (
    (query.year === undefined || parsed.year === query.year) &&
    (query.week === undefined || parsed.week === query.week)
  );
}

/** The list answer counts the week's submitted reports (`reported`), though the schema does not name it. */
type ListedWeek = Pick<PeriodView, 'id' | 'status'> & { reported?: number };

/** Something happened in the week: it was compiled or published, or at least one report came in. */
export function hasActivity(period: ListedWeek): boolean {
  return period.status !== 'open' || (period.reported ?? 0) > 0;
}

/**
 * Weeks with activity first, newest first within each group: of 100-odd weeks, most are empty,
 * and the ones a coordinator looks for are those where something happened.
 */
export function byActivityThenNewest<T extends ListedWeek>(periods: readonly T[]): T[] {
  return [...periods].sort(
    (a, b) => Number(hasActivity(b)) - Number(hasActivity(a)) || b.id.localeCompare(a.id),
  );
}

/** The newest week compiled or published, for the dashboard's "last compiled" link. */
export function lastCompiled<T extends ListedWeek>(periods: readonly T[]): T | undefined {
  return [...periods].sort((a, b) => b.id.localeCompare(a.id)).find((p) => p.status !== 'open');
}
