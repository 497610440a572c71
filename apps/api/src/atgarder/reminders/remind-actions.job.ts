import type { PlannedAction } from '../action.decider.js';
import type { JobProcessor, JobQueue } from '../../platform/jobs/job-queue.js';
import {
  actionReminderEmailId,
  type ReminderOccasion,
  reminderOccasions,
  remindActionJobId,
} from './reminder-occasions.js';

/** The daily scan (scheduled) and one occasion's reminder (enqueued by the scan). */
export const SCAN_ACTION_REMINDERS = 'atgarder-reminders';
export const REMIND_ACTION = 'remind-action';

export interface ReminderRecipient {
  userId: string;
  displayName: string;
  email: string;
}

export interface ActionReminderDependencies {
  now: () => Date;
  openActions: () => Promise<Array<{ state: PlannedAction; lastFollowUpOn: string | null }>>;
  /** The responsible login where it has an address, else the owner organisation's active reporters that have one. */
  recipients: (action: PlannedAction) => Promise<ReminderRecipient[]>;
  /** Records an e-mail request; false where this e-mail id was requested before. */
  requestEmail: (email: { emailId: string; to: string; subject: string; text: string }) => Promise<boolean>;
  publicBaseUrl: string;
}

/** The date in Sweden (reminders are about calendar days as the municipality lives them). */
export function swedishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/**
 * The scan: every open action's occasions today, each enqueued as its own job under an id made
 * of the action and the occasion, so a second scan (another day, another instance, a retry)
 * adds nothing the queue has not got.
 */
export function scanActionRemindersProcessor(
  deps: ActionReminderDependencies,
  queue: JobQueue,
): JobProcessor<Record<string, never>, { enqueued: number }> {
  return async () => {
    const today = swedishDate(deps.now());
    let enqueued = 0;
    for (const { state, lastFollowUpOn } of await deps.openActions()) {
      for (const occasion of reminderOccasions({ ...state, lastFollowUpOn }, today)) {
        await queue.enqueue(
          REMIND_ACTION,
          remindActionJobId(state.actionId, occasion.occasion),
          { actionId: state.actionId, occasion: occasion.occasion, kind: occasion.kind },
          { attempts: 3, backoffMs: 60_000 },
        );
        enqueued++;
      }
    }
    return { enqueued };
  };
}

type RemindPayload = { actionId: string; occasion: string; kind: ReminderOccasion['kind'] };

/** One occasion: an e-mail to each recipient, unless the action was finished meanwhile. */
export function remindActionProcessor(
  deps: ActionReminderDependencies,
): JobProcessor<RemindPayload, { sent: number; skipped?: string }> {
  return async (job) => {
    const { actionId, occasion, kind } = job.payload;
    const found = (await deps.openActions()).find(({ state }) => state.actionId === actionId);
    if (!found) return { sent: 0, skipped: 'finished' };
    const action = found.state;
    let sent = 0;
    for (const recipient of await deps.recipients(action)) {
      const requested = await deps.requestEmail({
        emailId: actionReminderEmailId(actionId, occasion, recipient.userId),
        to: recipient.email,
        ...reminderText(kind, action, recipient, deps.publicBaseUrl),
      });
      if (requested) sent++;
    }
    return { sent };
  };
}

function reminderText(
  kind: ReminderOccasion['kind'],
  action: PlannedAction,
  recipient: ReminderRecipient,
  baseUrl: string,
): { subject: string; text: string } {
  const link = `${baseUrl}/admin/#/actions/${encodeURIComponent(action.actionId)}`;
  if (kind === 'due') {
    return {
      subject: `Åtgärden ”${action.title}” ska vara klar ${action.dueOn}`,
      text:
        `Hej ${recipient.displayName}!\n\nÅtgärden ”${action.title}” ska vara klar senast ${action.dueOn}. ` +
        `Uppdatera status och lägg gärna till en uppföljning om effekten:\n${link}\n\n/Läget`,
    };
  }
  return {
    subject: `Åtgärden ”${action.title}” behöver följas upp`,
    text:
      `Hej ${recipient.displayName}!\n\nÅtgärden ”${action.title}” har inte följts upp på fyra veckor. ` +
      `Skriv en kort uppföljning: blev det bättre, oförändrat eller sämre?\n${link}\n\n/Läget`,
  };
}
