import { DomainError } from '../platform/domain/domain-error.js';
import { formatPeriod, type PeriodId, thursdayOf, tryParsePeriod } from './period.js';

/**
 * The periods an analysis is made for, beside the week (CONTRACT.md, "Additions"): a month
 * (`2025-03`), a tertial (`2025-T1`…`T3`: January–April, May–August, September–December) or a
 * year (`2025`). A week belongs to the month its Thursday falls in, as ISO 8601 puts a week in the
 * year its Thursday falls in: every week is then in exactly one month, one tertial and one year,
 * and a year's weeks are exactly the ISO year's weeks. Pure.
 */
export type AnalysisPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'tertial'; year: number; tertial: 1 | 2 | 3 }
  | { kind: 'year'; year: number };

const PATTERN = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|T([1-3])))?$/;

export function tryParseAnalysisPeriod(text: string): AnalysisPeriod | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2999) return null;
  if (match[2] !== undefined) return { kind: 'month', year, month: Number(match[2]) };
  if (match[3] !== undefined) return { kind: 'tertial', year, tertial: Number(match[3]) as 1 | 2 | 3 };
  return { kind: 'year', year };
}

export function isAnalysisPeriodId(text: string): boolean {
  return tryParseAnalysisPeriod(text) !== null;
}

/** A lägesbild id: a week or an analysis period; anything else is invalid input naming `period`. */
export function requireLagesbildId(text: string): void {
  if (tryParsePeriod(text) || tryParseAnalysisPeriod(text)) return;
  throw new DomainError(
    'invalid',
    `period: "${text}" är ingen vecka, månad, tertial eller år / is not a week, month, tertial or year`,
    { field: 'period' },
  );
}

export function formatAnalysisPeriod(period: AnalysisPeriod): string {
  switch (period.kind) {
    case 'month':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
    case 'tertial':
      return `${period.year}-T${period.tertial}`;
    case 'year':
      return String(period.year);
  }
}

/** The months (1–12) a period covers. */
export function monthsOf(period: AnalysisPeriod): number[] {
  switch (period.kind) {
    case 'month':
      return [period.month];
    case 'tertial':
      return [1, 2, 3, 4].map((n) => (period.tertial - 1) * 4 + n);
    case 'year':
      return Array.from({ length: 12 }, (_, i) => i + 1);
  }
}

const DAY_MS = 24 * 3600 * 1000;

/** The ISO weeks whose Thursday falls in the month, in order. */
export function weeksOfMonth(year: number, month: number): PeriodId[] {
  const first = Date.UTC(year, month - 1, 1);
  // Thursday is 4 in getUTCDay (Sunday 0).
  const toThursday = (4 - new Date(first).getUTCDay() + 7) % 7;
  const weeks: PeriodId[] = [];
  const january1 = Date.UTC(year, 0, 1);
  for (let day = first + toThursday * DAY_MS; new Date(day).getUTCMonth() === month - 1; day += 7 * DAY_MS) {
    // A Thursday's ISO week year is its calendar year; week 1 holds the year's first Thursday.
    const dayOfYear = Math.round((day - january1) / DAY_MS);
    weeks.push({ year, week: Math.floor(dayOfYear / 7) + 1 });
  }
  return weeks;
}

/**
 * The month, tertial and year a week belongs to: those of its Thursday, as ISO 8601 gives a week
 * to its Thursday's year, so a week is never split between two periods (weeksOfMonth's converse).
 */
export function analysisPeriodsOfWeek(week: PeriodId): { month: string; tertial: string; year: string } {
  const thursday = thursdayOf(week);
  const year = thursday.getUTCFullYear();
  const month = thursday.getUTCMonth() + 1;
  return {
    month: `${year}-${String(month).padStart(2, '0')}`,
    tertial: `${year}-T${Math.ceil(month / 4)}`,
    year: String(year),
  };
}

/** Every week the period gathers, as ids (`2025-W10`), in order. */
export function weeksOf(period: AnalysisPeriod): string[] {
  return monthsOf(period).flatMap((month) => weeksOfMonth(period.year, month).map(formatPeriod));
}

/** The period just before: February before March, T3 of last year before T1, last year. */
export function previousAnalysisPeriod(period: AnalysisPeriod): AnalysisPeriod {
  switch (period.kind) {
    case 'month':
      return period.month === 1
        ? { kind: 'month', year: period.year - 1, month: 12 }
        : { kind: 'month', year: period.year, month: period.month - 1 };
    case 'tertial':
      return period.tertial === 1
        ? { kind: 'tertial', year: period.year - 1, tertial: 3 }
        : { kind: 'tertial', year: period.year, tertial: (period.tertial - 1) as 1 | 2 };
    case 'year':
      return { kind: 'year', year: period.year - 1 };
  }
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export const monthName = (month: number): string => MONTHS[month - 1] ?? String(month);

/** "mars 2025", "tertial 1 2025", "år 2025": as running text and headings print it. */
export function analysisPeriodLabel(period: AnalysisPeriod): string {
  switch (period.kind) {
    case 'month':
      return `${monthName(period.month)} ${period.year}`;
    case 'tertial':
      return `tertial ${period.tertial} ${period.year}`;
    case 'year':
      return `år ${period.year}`;
  }
}

/**
 * The month whose analysis a månadsmöte discusses: the month gone before the meeting's. The
 * meeting on Monday 7 April (the first in April) discusses March's analysis.
 */
export function monthAnalysedAt(meetingOn: string): string {
  const [year = 0, month = 1] = meetingOn.split('-').map(Number);
  return formatAnalysisPeriod(previousAnalysisPeriod({ kind: 'month', year, month }));
}
