import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { redisConnection } from '../platform/jobs/bullmq-job-queue.js';
import { STOCKHOLM } from '../reporting/period.js';
import { cronPattern, nextOccurrence, type ReminderSlot, slotId } from './reminder-schedule.js';
import { SEND_REMINDERS, type SendRemindersPayload } from './send-reminders.job.js';

/** BullmqJobQueue's default prefix; it keeps one queue per job kind, named after the kind. */
export const BULLMQ_PREFIX = 'laget';
const SCHEDULER_PREFIX = 'reminders-';

export interface ReminderScheduler {
  close(): Promise<void>;
}

/**
 * With Redis: one BullMQ job scheduler per slot (`upsertJobScheduler`, cron in Europe/Stockholm),
 * kept in Redis so that however many instances start, each slot fires once; schedulers of slots
 * no longer configured are removed.
 */
export async function scheduleWithBullmq(
  redisUrl: string,
  slots: readonly ReminderSlot[],
  options: { prefix?: string } = {},
): Promise<ReminderScheduler & { queue: Queue; redis: Redis }> {
  const connection = redisConnection(redisUrl);
  const queue = new Queue(SEND_REMINDERS, {
    connection,
    prefix: options.prefix ?? BULLMQ_PREFIX,
  });
  queue.on('error', () => undefined); // reported by the workers and /health/ready while Redis is away
  const wanted = new Set(slots.map((slot) => `${SCHEDULER_PREFIX}${slotId(slot)}`));
  for (const existing of await queue.getJobSchedulers()) {
    if (existing.key.startsWith(SCHEDULER_PREFIX) && !wanted.has(existing.key)) {
      await queue.removeJobScheduler(existing.key);
    }
  }
  for (const slot of slots) {
    const data: SendRemindersPayload = { slot: slotId(slot) };
    await queue.upsertJobScheduler(
      `${SCHEDULER_PREFIX}${slotId(slot)}`,
      { pattern: cronPattern(slot), tz: STOCKHOLM },
      {
        name: SEND_REMINDERS,
        data,
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { age: 90 * 24 * 3600 },
          removeOnFail: { age: 90 * 24 * 3600 },
        },
      },
    );
  }
  return {
    queue,
    redis: connection,
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}

/**
 * Without Redis: a timer per slot that enqueues the run at the slot's next occurrence, with a job
 * id derived from that occurrence, so several instances on one database still run it once. A
 * process asleep at the time does not catch up: a reminder after the deadline would be no use.
 */
export function scheduleInProcess(
  queue: JobQueue,
  slots: readonly ReminderSlot[],
  now: () => Date,
  onError: (error: unknown) => void,
): ReminderScheduler {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const arm = (slot: ReminderSlot) => {
    if (closed) return;
    const at = nextOccurrence(slot, now());
    // setTimeout holds at most ~24.8 days; a week fits, the cap guards against clock jumps.
    const delay = Math.min(Math.max(at.getTime() - now().getTime(), 0), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      timers.delete(timer);
      const id = `${SEND_REMINDERS}-${slotId(slot)}-${at.toISOString().replace(/[:.]/g, '')}`;
      queue.enqueue(SEND_REMINDERS, id, { slot: slotId(slot) }, { attempts: 3, backoffMs: 60_000 }).then(
        () => arm(slot),
        (error: unknown) => {
          onError(error);
          arm(slot);
        },
      );
    }, delay);
    timer.unref();
    timers.add(timer);
  };
  for (const slot of slots) arm(slot);
  return {
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
