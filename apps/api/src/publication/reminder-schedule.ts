import { TZDate } from '@date-fns/tz';
import {
  addWeeks,
  deadlineOf,
  formatPeriod,
  periodContaining,
  STOCKHOLM,
  type PeriodSettings,
} from '../reporting/period.js';

/**
 * When reminders go out and what they are about, as pure functions of the clock and the settings.
 * A slot is one configured weekday and time (Swedish time); its id is part of every reminder's
 * e-mail id, so an organisation gets each slot's reminder at most once a week.
 */
export interface ReminderSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM`, Swedish time. */
  time: string;
}

export function reminderSlots(settings: { weekdays: number[]; time: string } | null): ReminderSlot[] {
  return settings ? settings.weekdays.map((weekday) => ({ weekday, time: settings.time })) : [];
}

/** `d5-1000`: Friday 10:00. */
export function slotId(slot: ReminderSlot): string {
  return `d${slot.weekday}-${slot.time.replace(':', '')}`;
}

export function parseSlotId(id: string): ReminderSlot | null {
  const match = /^d([1-7])-([01]\d|2[0-3])([0-5]\d)$/.exec(id);
  return match ? { weekday: Number(match[1]), time: `${match[2]}:${match[3]}` } : null;
}

/** Cron pattern for BullMQ's job scheduler (minute hour * * weekday, Sunday 0), read in Europe/Stockholm. */
export function cronPattern(slot: ReminderSlot): string {
  const [hours = '0', minutes = '0'] = slot.time.split(':');
  return `${Number(minutes)} ${Number(hours)} * * ${slot.weekday % 7}`;
}

/**
 * The week a reminder at `now` is about: the earliest week whose deadline is still ahead. On a
 * Friday that is the week in progress; early on a Monday before a Monday deadline, the week gone.
 * Null never happens with deadlines after the week's Sunday, but a deadline set before the week
 * ends (`LAGET_DEADLINE_DAYS_AFTER_WEEK` negative) can leave no week open at some hours.
 */
export function reminderPeriod(now: Date, settings: PeriodSettings): string | null {
  const current = periodContaining(now);
  for (const candidate of [addWeeks(current, -1), current]) {
    if (deadlineOf(candidate, settings).getTime() > now.getTime()) return formatPeriod(candidate);
  }
  return null;
}

/** One reminder, one recipient: the e-mail id that makes asking twice harmless. */
export function reminderEmailId(
  period: string,
  slot: string,
  organisationId: string,
  userId: string,
): string {
  return `reminder-${period}-${slot}-${organisationId}-${userId}`;
}

/** The next instant (strictly after `after`) this slot falls on, in Swedish time across DST. */
export function nextOccurrence(slot: ReminderSlot, after: Date): Date {
  const [hours = 0, minutes = 0] = slot.time.split(':').map(Number);
  const local = new TZDate(after.getTime(), STOCKHOLM);
  for (let days = 0; days <= 7; days++) {
    const day = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + days,
      hours,
      minutes,
      0,
      STOCKHOLM,
    );
    const isoWeekday = day.getDay() === 0 ? 7 : day.getDay();
    if (isoWeekday === slot.weekday && day.getTime() > after.getTime()) return new Date(day.getTime());
  }
  throw new Error(`No occurrence of ${slotId(slot)} within a week of ${after.toISOString()}`);
}
