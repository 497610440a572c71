import type { RetentionKind } from '@laget/contracts';
import { tryParseAnalysisPeriod, weeksOf } from '../reporting/analysis-period.js';
import { calendarOf, tryParsePeriod } from '../reporting/period.js';
import type { RetentionRules } from './gallring.settings.js';

/** One data key as the key table tags it, with when its subject's retention starts. */
export interface KeyRow {
  keyId: string;
  subject: string;
  kind: string;
  week: string | null;
  createdAt: Date;
}

/** `date` moved `months` calendar months back (the day clamped to the shorter month). */
export function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

/**
 * Whether a key's subject has passed its time at `now`: a report or a week's lägesbild when its
 * week ended more than the rule's months ago; a login when it was deactivated that long ago (and
 * not reactivated: `deactivatedAt` is null then); an e-mail that long after it was written; the
 * IP addresses of a month (its key's `week` holds the month, `2026-03`) that long after the month
 * ended, whenever the key was created (the rewrite step creates old months' keys now).
 */
export function isDue(
  key: KeyRow,
  rules: RetentionRules,
  now: Date,
  deactivatedAt: (subject: string) => Date | null,
): boolean {
  const kind = key.kind as RetentionKind;
  if (!(kind in rules)) return false;
  const cutoff = monthsBefore(now, rules[kind]);
  switch (kind) {
    case 'report':
    case 'lagesbild':
      return key.week !== null && weekEnd(key.week) <= cutoff;
    case 'login': {
      const at = deactivatedAt(key.subject);
      return at !== null && at <= cutoff;
    }
    case 'email':
      return key.createdAt <= cutoff;
    case 'ip':
      return key.week !== null && monthEnd(key.week) <= cutoff;
  }
}

/** The first instant after a month `2026-03` (UTC, as the subject's month is reckoned). */
function monthEnd(month: string): Date {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return new Date(8.64e15);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
}

/**
 * The first instant after the week, or after a period analysis' last week (its Sunday's end in
 * UTC: a day's slack does not matter at months).
 */
function weekEnd(week: string): Date {
  const analysis = tryParseAnalysisPeriod(week);
  const period = tryParsePeriod(analysis ? (weeksOf(analysis).at(-1) ?? '') : week);
  if (!period) return new Date(8.64e15);
  return new Date(`${calendarOf(period).endsOn}T24:00:00Z`);
}
