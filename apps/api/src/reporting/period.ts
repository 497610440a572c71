import { TZDate, tz } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear, getISOWeeksInYear } from 'date-fns';
import { DomainError } from '../platform/domain/domain-error.js';

/**
 * Reporting periods are ISO 8601 weeks in Swedish time (`2024-W48`). Everything here is pure:
 * the current time and the municipality's settings are passed in.
 */
export const STOCKHOLM = 'Europe/Stockholm';
const inStockholm = tz(STOCKHOLM);

export interface PeriodId {
  year: number;
  week: number;
}

export type PeriodStatus = 'open' | 'compiled' | 'published';

/** 1 = Monday … 7 = Sunday, as ISO 8601 counts weekdays. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface PeriodSettings {
  /**
   * When reports are due: `daysAfterWeek` days after the week's Sunday at `time` (Swedish time).
   * The default, Monday 09:00, is when the seed's municipality compiles the week gone.
   */
  deadline: { daysAfterWeek: number; time: string };
  /** Weekday of the EST meeting that discusses a week; it falls in the following week. */
  meetingWeekday: IsoWeekday;
}

export const defaultPeriodSettings: PeriodSettings = {
  deadline: { daysAfterWeek: 1, time: '09:00' },
  meetingWeekday: 1,
};

/** A period as the API shows it (CONTRACT.md, `GET /api/periods/:period`), without its status. */
export interface PeriodCalendar {
  id: string;
  startsOn: string;
  endsOn: string;
  /** The date of the meeting that discusses this week. */
  meetingOn: string;
  /** True when that meeting is the month's first, the extended månadsmöte. */
  monthlyMeeting: boolean;
  reportingDeadline: string;
}

const PERIOD_PATTERN = /^(\d{4})-W(\d{2})$/;

export function isPeriodId(text: string): boolean {
  return tryParsePeriod(text) !== null;
}

export function tryParsePeriod(text: string): PeriodId | null {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2999 || week < 1 || week > weeksInIsoYear(year)) return null;
  return { year, week };
}

/** Parses `2024-W48`; a week that the year does not have (2021-W53) is invalid input. */
export function parsePeriod(text: string): PeriodId {
  const parsed = tryParsePeriod(text);
  if (!parsed) {
    throw new DomainError(
      'invalid',
      `period: "${text}" är ingen ISO-vecka (t.ex. 2024-W48) / is not an ISO week`,
      {
        field: 'period',
      },
    );
  }
  return parsed;
}

export function formatPeriod({ year, week }: PeriodId): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** ISO 8601: a year has 53 weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function weeksInIsoYear(year: number): number {
  return getISOWeeksInYear(new Date(Date.UTC(year, 5, 15, 12)));
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The Monday of the week as a calendar date (a UTC midnight standing for the Swedish date).
 * Calendar days need no time zone; only instants (now, the deadline) do, and those go through
 * @date-fns/tz. Plain arithmetic here keeps the compliance views cheap.
 */
function mondayOf({ year, week }: PeriodId): Date {
  // 4 January is always in week 1.
  const january4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(january4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS);
}

const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** The Thursday of the week (a UTC midnight standing for the Swedish date): it decides the week's year and month. */
export function thursdayOf(period: PeriodId): Date {
  return plusDays(mondayOf(period), 3);
}

export function periodContaining(instant: Date): PeriodId {
  return {
    year: getISOWeekYear(instant, { in: inStockholm }),
    week: getISOWeek(instant, { in: inStockholm }),
  };
}

export function addWeeks(period: PeriodId, weeks: number): PeriodId {
  // Thursday decides the ISO year; calendar dates at UTC noon avoid any zone question.
  const thursday = plusDays(mondayOf(period), weeks * 7 + 3);
  thursday.setUTCHours(12);
  return { year: getISOWeekYear(thursday, { in: tz('UTC') }), week: getISOWeek(thursday, { in: tz('UTC') }) };
}

export function comparePeriods(a: PeriodId, b: PeriodId): number {
  return a.year - b.year || a.week - b.week;
}

const calendars = new WeakMap<PeriodSettings, Map<string, Readonly<PeriodCalendar>>>();

/**
 * A week's dates and deadline. Remembered per settings and week: every incident added needs its
 * week's calendar, and the deadline in Swedish time costs a time-zone lookup each time.
 */
export function calendarOf(
  period: PeriodId,
  settings: PeriodSettings = defaultPeriodSettings,
): PeriodCalendar {
  let known = calendars.get(settings);
  if (!known) calendars.set(settings, (known = new Map()));
  const id = formatPeriod(period);
  let calendar = known.get(id);
  if (!calendar) {
    if (known.size >= 1_000) known.clear();
    known.set(id, (calendar = Object.freeze(computeCalendar(period, settings))));
  }
  return { ...calendar };
}

function computeCalendar(period: PeriodId, settings: PeriodSettings): PeriodCalendar {
  const monday = mondayOf(period);
  const meeting = plusDays(monday, 7 + settings.meetingWeekday - 1);
  return {
    id: formatPeriod(period),
    startsOn: isoDate(monday),
    endsOn: isoDate(plusDays(monday, 6)),
    meetingOn: isoDate(meeting),
    monthlyMeeting: meeting.getUTCDate() <= 7,
    reportingDeadline: deadlineOf(period, settings).toISOString().replace('.000', ''),
  };
}

/** The instant reports for the period are due, in Swedish time (so 09:00 stays 09:00 across DST). */
export function deadlineOf(period: PeriodId, settings: PeriodSettings = defaultPeriodSettings): TZDate {
  const day = plusDays(mondayOf(period), 6 + settings.deadline.daysAfterWeek);
  const [hours, minutes] = parseTime(settings.deadline.time);
  return new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes, 0, STOCKHOLM);
}

export function isLate(
  period: PeriodId,
  submittedAt: Date,
  settings: PeriodSettings = defaultPeriodSettings,
): boolean {
  return submittedAt.getTime() > deadlineOf(period, settings).getTime();
}

function parseTime(text: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`Deadline time must be HH:MM, got "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
