import { Queue } from 'bullmq';
import { redisConnection } from '../../platform/jobs/bullmq-job-queue.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { SCAN_ACTION_REMINDERS } from './remind-actions.job.js';

/** The scan runs every morning at 07:00 Swedish time. */
export const SCAN_PATTERN = '0 7 * * *';
const SCHEDULER_KEY = 'atgarder-reminders-daily';

export interface Scheduler {
  close(): Promise<void>;
}

/**
 * With Redis: one BullMQ job scheduler (`upsertJobScheduler`, cron in Europe/Stockholm), kept
 * in Redis so the scan fires once a day however many instances run.
 */
export async function scheduleScanWithBullmq(redisUrl: string, prefix: string): Promise<Scheduler> {
  const connection = redisConnection(redisUrl);
  const queue = new Queue(SCAN_ACTION_REMINDERS, { connection, prefix });
  queue.on('error', () => undefined); // reported by the workers and /health/ready while Redis is away
  await queue.upsertJobScheduler(
    SCHEDULER_KEY,
    { pattern: SCAN_PATTERN, tz: 'Europe/Stockholm' },
    {
      name: SCAN_ACTION_REMINDERS,
      data: {},
      opts: {
        attempts: 3,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { age: 30 * 24 * 3600 },
        removeOnFail: { age: 90 * 24 * 3600 },
      },
    },
  );
  return {
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}

/**
 * Without Redis: a timer that enqueues the scan once a day under an id of the day, so several
 * instances on one database run it once. The occasions' own ids make a missed day harmless: the
 * next scan still finds what is owed.
 */
export function scheduleScanInProcess(
  queue: JobQueue,
  now: () => Date,
  onError: (error: unknown) => void,
  everyMs = 3_600_000,
): Scheduler {
  const tick = () => {
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now());
    queue
      .enqueue(
        SCAN_ACTION_REMINDERS,
        `${SCAN_ACTION_REMINDERS}-${day}`,
        {},
        { attempts: 3, backoffMs: 60_000 },
      )
      .catch(onError);
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
    },
  };
}
