import type { ActionStatus } from '@laget/contracts';

/** Days ahead of its due date an action's owner is reminded (issue 19). */
export const DUE_REMINDER_DAYS = 7;
/** Days without a follow-up after which an ongoing action's owner is reminded (four weeks). */
export const FOLLOW_UP_REMINDER_DAYS = 28;

export interface ReminderAction {
  actionId: string;
  status: ActionStatus;
  startsOn: string;
  dueOn: string;
  /** The latest follow-up's date, or null. */
  lastFollowUpOn: string | null;
}

/**
 * One reason to remind, named so that it happens once: `due-<dueOn>` (a new due date is a new
 * occasion), `followup-<since>` (the silence since the last follow-up, or the start).
 */
export interface ReminderOccasion {
  kind: 'due' | 'follow_up';
  occasion: string;
}

const DAY_MS = 86_400_000;
const day = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** What is owed a reminder on `today` (YYYY-MM-DD, Swedish date); finished actions owe none. */
export function reminderOccasions(action: ReminderAction, today: string): ReminderOccasion[] {
  if (action.status === 'done' || action.status === 'cancelled') return [];
  const occasions: ReminderOccasion[] = [];
  const untilDue = (day(action.dueOn) - day(today)) / DAY_MS;
  if (untilDue >= 0 && untilDue <= DUE_REMINDER_DAYS) {
    occasions.push({ kind: 'due', occasion: `due-${action.dueOn}` });
  }
  const since = action.lastFollowUpOn ?? action.startsOn;
  if (action.status === 'ongoing' && (day(today) - day(since)) / DAY_MS >= FOLLOW_UP_REMINDER_DAYS) {
    occasions.push({ kind: 'follow_up', occasion: `followup-${since}` });
  }
  return occasions;
}

/** The job id of one occasion's reminder: the same however often the daily scan finds it. */
export function remindActionJobId(actionId: string, occasion: string): string {
  return `remind-action-${actionId}-${occasion}`;
}

/** One recipient's e-mail of one occasion: asking twice is harmless (the e-mail stream exists). */
export function actionReminderEmailId(actionId: string, occasion: string, userId: string): string {
  return `action-reminder-${actionId}-${occasion}-${userId}`;
}
