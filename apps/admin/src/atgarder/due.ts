import type { ActionView } from '@laget/contracts';

/** Days within which an action counts as due soon (issue 19: reminders 7 days ahead). */
export const DUE_SOON_DAYS = 7;
/** Weeks without a follow-up after which an ongoing action needs one (issue 19). */
export const FOLLOW_UP_WEEKS = 4;

export type Urgency = 'overdue' | 'due_soon' | 'needs_follow_up' | 'none';

const DAY_MS = 86_400_000;
const dayOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** What an open action asks of its owner today (`today` as YYYY-MM-DD); finished ones ask nothing. */
export function urgencyOf(
  action: Pick<ActionView, 'status' | 'dueOn' | 'startsOn' | 'followUps'>,
  today: string,
): Urgency {
  if (action.status === 'done' || action.status === 'cancelled') return 'none';
  const now = dayOf(today);
  const due = dayOf(action.dueOn);
  if (due < now) return 'overdue';
  if (due - now <= DUE_SOON_DAYS * DAY_MS) return 'due_soon';
  const last = action.followUps.at(-1)?.on ?? action.startsOn;
  if (action.status === 'ongoing' && now - dayOf(last) >= FOLLOW_UP_WEEKS * 7 * DAY_MS)
    return 'needs_follow_up';
  return 'none';
}

/** Today in Stockholm as YYYY-MM-DD (the panel shows dates as the municipality lives them). */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/** Open actions first, the most urgent first, then by due date. */
export function byUrgency<T extends Pick<ActionView, 'status' | 'dueOn' | 'startsOn' | 'followUps'>>(
  actions: readonly T[],
  today: string,
): T[] {
  const rank: Record<Urgency, number> = { overdue: 0, due_soon: 1, needs_follow_up: 2, none: 3 };
  const finished = (a: T) => (a.status === 'done' || a.status === 'cancelled' ? 1 : 0);
  return [...actions].sort(
    (a, b) =>
      finished(a) - finished(b) ||
      rank[urgencyOf(a, today)] - rank[urgencyOf(b, today)] ||
      a.dueOn.localeCompare(b.dueOn),
  );
}
