import type { JobProcessor } from '../platform/jobs/job-queue.js';
import { jobIdFor } from '../platform/jobs/job-queue.js';
import type { Reactor } from '../platform/jobs/reactor.js';
import type { RemindersRequested } from './reminder-request.decider.js';
import {
  remindOrganisations,
  type SendRemindersDependencies,
  type SendRemindersResult,
} from './send-reminders.job.js';

/** The job that sends the reminders a coordinator asked for (`RemindersRequested`). */
export const SEND_REMINDERS_NOW = 'send-reminders-now';

/**
 * Ids only, as every payload: the request's event id names the e-mails, names and addresses are
 * looked up when it runs. A payload holds scalars, so the organisations are one comma-separated
 * string (an id never holds a comma: the contract's id pattern).
 */
export type SendRemindersNowPayload = { period: string; requestId: string; organisationIds: string };

/** The job id a `RemindersRequested` starts: the endpoint answers it, the reactor enqueues it. */
export function remindersNowJobIdFor(remindersRequestedEventId: string): string {
  return jobIdFor(SEND_REMINDERS_NOW, remindersRequestedEventId);
}

/**
 * The request's part of every e-mail id (`reminderEmailId`'s slot): a retried job, or the
 * reactor replaying the event, asks for the same e-mails and the e-mail decider refuses the
 * second request of each; a new request of the coordinator is a new event and reminds again.
 */
export function reminderRequestSlot(requestId: string): string {
  return `now-${requestId}`;
}

/** Every RemindersRequested asks for one job (its id: remindersNowJobIdFor). */
export function remindersNowReactor(): Reactor<RemindersRequested> {
  return {
    name: 'reminders-now',
    eventTypes: ['RemindersRequested'],
    jobsFor: (event) => [
      {
        kind: SEND_REMINDERS_NOW,
        payload: {
          period: event.data.period,
          requestId: event.eventId,
          organisationIds: event.data.organisationIds.join(','),
        } satisfies SendRemindersNowPayload,
        // The coordinator is waiting for it: retry soon, not at the schedule's leisurely pace.
        options: { attempts: 3, backoffMs: 5_000 },
      },
    ],
  };
}

/**
 * Reminds the organisations of the request that still have not reported when the job runs (one
 * that reported in the meantime gets nothing), through the same `remindOrganisations` as the
 * scheduled run; unlike it, also after the deadline, which is when a coordinator asks most.
 */
export function sendRemindersNowProcessor(
  deps: SendRemindersDependencies,
): JobProcessor<SendRemindersNowPayload, SendRemindersResult> {
  return async (job) => {
    const { period, requestId, organisationIds } = job.payload;
    const wanted = new Set(organisationIds.split(','));
    const organisations = (await deps.compliance(period)).filter(
      (entry) => wanted.has(entry.organisationId) && (entry.state === 'pending' || entry.state === 'missing'),
    );
    return remindOrganisations(deps, job.id, { period, slot: reminderRequestSlot(requestId), organisations });
  };
}
