import type { ComplianceEntry } from '@laget/contracts';
import type { CommandBus } from '@nestjs/cqrs';
import { systemContext } from '../platform/commands/request-context.js';
import { DomainError } from '../platform/domain/domain-error.js';
import type { JobProcessor } from '../platform/jobs/job-queue.js';
import type { PeriodSettings } from '../reporting/period.js';
import { deadlineOf, parsePeriod } from '../reporting/period.js';
import { RequestReminderCommand } from './commands/request-reminder.command.js';
import { swedishDate, weekLabel } from './lagesbild-labels.js';
import { reminderEmailId, reminderPeriod } from './reminder-schedule.js';

export const SEND_REMINDERS = 'send-reminders';

export type SendRemindersPayload = { slot: string };

export interface ReminderRecipient {
  userId: string;
  displayName: string;
  email: string;
}

export interface SendRemindersDependencies {
  /** Where the reminders are requested (RequestReminderCommand). */
  commandBus: CommandBus;
  now: () => Date;
  periodSettings: PeriodSettings;
  /** Who has and has not reported for the week (the reporting module's compliance). */
  compliance: (period: string) => Promise<ComplianceEntry[]>;
  /** The active reporters of an organisation that have an e-mail address. */
  reporters: (organisationId: string) => Promise<ReminderRecipient[]>;
  municipalityName: string;
  publicBaseUrl: string;
}

export interface SendRemindersResult {
  period: string | null;
  /** Reminders asked for in this run. */
  requested: number;
  /** Reminders of this slot and week that an earlier run had asked for already. */
  alreadyRequested: number;
  /** Organisations still to report that have no reporter with an e-mail address. */
  unreachable: string[];
}

/**
 * One scheduled run: every reporter of every organisation that has not reported for the week
 * (the deadline still ahead) gets an e-mail through the e-mail job, under the slot's e-mail ids.
 */
export function sendRemindersProcessor(
  deps: SendRemindersDependencies,
): JobProcessor<SendRemindersPayload, SendRemindersResult> {
  return async (job) => {
    const period = reminderPeriod(deps.now(), deps.periodSettings);
    if (!period) return { period, requested: 0, alreadyRequested: 0, unreachable: [] };
    const missing = (await deps.compliance(period)).filter((entry) => entry.state === 'pending');
    return remindOrganisations(deps, job.id, { period, slot: job.payload.slot, organisations: missing });
  };
}

/**
 * "Remind these organisations for this week", for the scheduled run and the coordinator's
 * request alike. The e-mail id is derived from week, slot, organisation and person, and the
 * e-mail decider refuses a second request for an id, so a second run of the same slot (a retried
 * job, a second instance, a scheduler firing twice) sends nothing new.
 */
export async function remindOrganisations(
  deps: SendRemindersDependencies,
  jobId: string,
  run: {
    period: string;
    /** Part of every e-mail id: the scheduled slot, or the request (`reminderRequestSlot`). */
    slot: string;
    organisations: readonly Pick<ComplianceEntry, 'organisationId' | 'organisationName'>[];
  },
): Promise<SendRemindersResult & { period: string }> {
  const { period } = run;
  const result = { period, requested: 0, alreadyRequested: 0, unreachable: [] as string[] };
  const now = deps.now();
  for (const organisation of run.organisations) {
    const reporters = await deps.reporters(organisation.organisationId);
    if (reporters.length === 0) result.unreachable.push(organisation.organisationId);
    for (const reporter of reporters) {
      try {
        await deps.commandBus.execute(
          new RequestReminderCommand(systemContext(jobId, jobId), {
            emailId: reminderEmailId(period, run.slot, organisation.organisationId, reporter.userId),
            to: reporter.email,
            ...reminderText(period, organisation.organisationName, reporter.displayName, deps, now),
          }),
        );
        result.requested++;
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'conflict') result.alreadyRequested++;
        else throw error;
      }
    }
  }
  return result;
}

export function reminderText(
  period: string,
  organisationName: string,
  displayName: string,
  deps: Pick<SendRemindersDependencies, 'periodSettings' | 'municipalityName' | 'publicBaseUrl'>,
  /** When it is sent: a coordinator may remind after the deadline, and the text must not say "by". */
  now?: Date,
): { subject: string; text: string } {
  const week = weekLabel(period);
  const deadline = deadlineText(period, deps.periodSettings);
  const late =
    now !== undefined && now.getTime() > deadlineOf(parsePeriod(period), deps.periodSettings).getTime();
  return {
    subject: `Påminnelse: rapportera till lägesbilden för ${week}`,
    text: [
      `Hej ${displayName}!`,
      '',
      `${organisationName} har ännu inte lämnat sin rapport till den lokala lägesbilden för ${week}.`,
      late
        ? `Rapporten skulle ha lämnats in senast ${deadline}; lämna in den så snart du kan. Har ingenting hänt räcker det att skriva det.`
        : `Rapporten ska vara inlämnad senast ${deadline}. Har ingenting hänt räcker det att skriva det.`,
      '',
      `Logga in och rapportera: ${deps.publicBaseUrl}/`,
      '',
      `Hälsningar`,
      `EST-gruppen, ${deps.municipalityName}`,
      '',
      'Det här är en automatisk påminnelse från Läget. Kontakta BF-samordnaren om du inte kan logga in.',
    ].join('\n'),
  };
}

function deadlineText(period: string, settings: PeriodSettings): string {
  const deadline = deadlineOf(parsePeriod(period), settings);
  const time = settings.deadline.time.replace(':', '.');
  return `${swedishDate(new Date(deadline.getTime()))} kl. ${time}`;
}
