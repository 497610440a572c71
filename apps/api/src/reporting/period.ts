import { TZDate, tz } from '@date-fns/tz';
import { addDays, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek } from 'date-fns';
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
  return getISOWeeksInYear(new TZDate(year, 5, 15, STOCKHOLM));
}

/** The Monday of the week, as a Stockholm midnight. */
function mondayOf({ year, week }: PeriodId): TZDate {
  // 4 January is always in week 1.
  const firstMonday = startOfISOWeek(new TZDate(year, 0, 4, STOCKHOLM), { in: inStockholm });
  return addDays(firstMonday, (week - 1) * 7, { in: inStockholm }) as TZDate;
}

export function periodContaining(instant: Date): PeriodId {
  return {
    year: getISOWeekYear(instant, { in: inStockholm }),
    week: getISOWeek(instant, { in: inStockholm }),
  };
}

export function addWeeks(period: PeriodId, weeks: number): PeriodId {
  return periodContaining(addDays(mondayOf(period), weeks * 7 + 3, { in: inStockholm }));
}

export function comparePeriods(a: PeriodId, b: PeriodId): number {
  return a.year - b.year || a.week - b.week;
}

export function calendarOf(
  period: PeriodId,
  settings: PeriodSettings = defaultPeriodSettings,
): PeriodCalendar {
  const monday = mondayOf(period);
  const sunday = addDays(monday, 6, { in: inStockholm });
  const meeting = addDays(monday, 7 + settings.meetingWeekday - 1, { in: inStockholm });
  return {
    id: formatPeriod(period),
    startsOn: isoDate(monday),
    endsOn: isoDate(sunday),
    meetingOn: isoDate(meeting),
    monthlyMeeting: meeting.getDate() <= 7,
    reportingDeadline: deadlineOf(period, settings).toISOString().replace('.000', ''),
  };
}

/** The instant reports for the period are due, in Swedish time (so 09:00 stays 09:00 across DST). */
export function deadlineOf(period: PeriodId, settings: PeriodSettings = defaultPeriodSettings): TZDate {
  const sunday = addDays(mondayOf(period), 6, { in: inStockholm });
  const day = addDays(sunday, settings.deadline.daysAfterWeek, { in: inStockholm });
  const [hours, minutes] = parseTime(settings.deadline.time);
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, STOCKHOLM);
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
  const d = new TZDate(date, STOCKHOLM);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
