import { randomUUID } from 'node:crypto';
import type { CommandRunner } from '../../commands/command-runner.js';
import { type RequestContext, systemContext } from '../../commands/request-context.js';
import type { EnqueueOptions, JobProcessor, JobQueue } from '../job-queue.js';
import type { Reactor } from '../reactor.js';
import type { EmailTransport } from './email-transport.js';
import { type EmailEvent, type EmailPurpose, emailDecider, emailStreamId } from './email.decider.js';

export const SEND_EMAIL = 'send-email';

/** The job carries ids only: the address and text stay in the event store, not in Redis. */
export type SendEmailPayload = { emailId: string };

/** What later issues call to send mail: records the request; the reactor and the job do the rest. */
export async function requestEmail(
  commands: CommandRunner,
  email: { to: string; subject: string; text: string; purpose: EmailPurpose; emailId?: string },
  context: RequestContext,
): Promise<{ emailId: string; globalPosition: number | null }> {
  const emailId = email.emailId ?? randomUUID();
  const result = await commands.run(
    emailStreamId(emailId),
    emailDecider,
    {
      type: 'RequestEmail',
      data: { emailId, to: email.to, subject: email.subject, text: email.text, purpose: email.purpose },
    },
    { context },
  );
  return { emailId, globalPosition: result.globalPosition };
}

/** Every EmailRequested asks for one `send-email` job, its id derived from the event's id. */
export function emailReactor(options: EnqueueOptions = {}): Reactor<EmailEvent> {
  return {
    name: 'email',
    eventTypes: ['EmailRequested'],
    jobsFor: (event) =>
      event.type === 'EmailRequested'
        ? [{ kind: SEND_EMAIL, payload: { emailId: event.data.emailId }, options }]
        : [],
  };
}

/**
 * Delivers one requested e-mail and records the outcome as EmailSent, or as EmailFailed when the
 * last attempt fails. Idempotent: an e-mail already recorded as sent is not sent again.
 */
export function sendEmailProcessor(deps: {
  commands: CommandRunner;
  transport: EmailTransport;
}): JobProcessor<SendEmailPayload, { messageId: string; transport: string; alreadySent?: true }> {
  const { commands } = deps;
  return async (job) => {
    const { emailId } = job.payload;
    const streamId = emailStreamId(emailId);
    const { state } = await commands.load(streamId, emailDecider);
    if (state.status === 'none') throw new Error(`E-mail ${emailId} was never requested`);
    const context = systemContext(job.id, job.id);
    if (state.status === 'sent') return { messageId: '', transport: deps.transport.kind, alreadySent: true };
    let messageId: string;
    try {
      ({ messageId } = await deps.transport.send({
        emailId,
        to: state.to,
        subject: state.subject,
        text: state.text,
      }));
    } catch (error) {
      if (job.attempt >= job.maxAttempts) {
        await commands.run(
          streamId,
          emailDecider,
          { type: 'RecordEmailFailed', data: { emailId, error: describe(error), attempts: job.attempt } },
          { context },
        );
      }
      throw error;
    }
    await commands.run(
      streamId,
      emailDecider,
      { type: 'RecordEmailSent', data: { emailId, transport: deps.transport.kind, messageId } },
      { context },
    );
    return { messageId, transport: deps.transport.kind };
  };
}

/** Wires the `send-email` kind into a queue. */
export function registerSendEmail(
  queue: JobQueue,
  deps: { commands: CommandRunner; transport: EmailTransport },
): void {
  queue.registerProcessor(SEND_EMAIL, sendEmailProcessor(deps));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
