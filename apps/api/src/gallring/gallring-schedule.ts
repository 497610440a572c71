import { TZDate } from '@date-fns/tz';
import { STOCKHOLM } from '../reporting/period.js';

/** The daily run: 03:15 Swedish time, when nobody files reports. */
export const GALLRING_CRON = '15 3 * * *';
export const GALLRING_JOB = 'gallring';

export function nextGallringRun(now: Date): Date {
  const local = new TZDate(now.getTime(), STOCKHOLM);
  let next = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 3, 15, 0, STOCKHOLM);
  if (next.getTime() <= now.getTime())
    next = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 3, 15, 0, STOCKHOLM);
  return new Date(next.getTime());
}
