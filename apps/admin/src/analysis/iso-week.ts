/** ISO weeks in the panel (`2025-W14`): the running week and steps from it, in UTC dates. */
const DAY_MS = 86_400_000;

export function weekOf(date: Date): string {
  const utc = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const thursday = new Date(utc + (3 - ((new Date(utc).getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function thursdayOf(week: string): number {
  const year = Number(week.slice(0, 4));
  const number = Number(week.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4Weekday * DAY_MS + (number - 1) * 7 * DAY_MS + 3 * DAY_MS;
}

export function addWeeks(week: string, weeks: number): string {
  return weekOf(new Date(thursdayOf(week) + weeks * 7 * DAY_MS));
}

export const isWeek = (text: string) => /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(text);
