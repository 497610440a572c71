import { type Decider, assertNever } from '../../domain/decider.js';
import { DomainError, notFound } from '../../domain/domain-error.js';

/**
 * An e-mail Läget sends (reminders, notices). Requesting one is an event; the `send-email` job
 * delivers it and records the outcome, so the log shows what was sent to whom and when. The
 * text is kept in the log, so it must never hold a password or a one-time code.
 */
export type EmailPurpose = 'reminder' | 'notice' | 'test';

export type EmailCommand =
  | {
      type: 'RequestEmail';
      data: { emailId: string; to: string; subject: string; text: string; purpose: EmailPurpose };
    }
  | { type: 'RecordEmailSent'; data: { emailId: string; transport: EmailTransportKind; messageId: string } }
  | { type: 'RecordEmailFailed'; data: { emailId: string; error: string; attempts: number } };

export type EmailTransportKind = 'smtp' | 'outbox';

export type EmailEvent =
  | {
      type: 'EmailRequested';
      data: { emailId: string; to: string; subject: string; text: string; purpose: EmailPurpose };
    }
  | { type: 'EmailSent'; data: { emailId: string; transport: EmailTransportKind; messageId: string } }
  | { type: 'EmailFailed'; data: { emailId: string; error: string; attempts: number } };

export type EmailState =
  | { status: 'none' }
  | { status: 'requested' | 'sent' | 'failed'; emailId: string; to: string; subject: string; text: string };

export const emailStreamId = (emailId: string) => `email-${emailId}`;

// Deliberately loose: one @, something on both sides, no spaces. The SMTP server has the last word.
const emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailDecider: Decider<EmailState, EmailCommand, EmailEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RequestEmail': {
        if (state.status !== 'none') {
          throw new DomainError('conflict', `E-mail ${command.data.emailId} was requested already`);
        }
        const problems: Record<string, string> = {};
        if (!emailAddress.test(command.data.to)) problems.to = 'must be an e-mail address';
        if (command.data.subject.trim() === '') problems.subject = 'must not be empty';
        if (/[\r\n]/.test(command.data.subject)) problems.subject = 'must be one line';
        if (Object.keys(problems).length > 0) {
          throw new DomainError('invalid', 'The e-mail cannot be sent as given', problems);
        }
        return [{ type: 'EmailRequested', data: command.data }];
      }
      case 'RecordEmailSent':
        if (state.status === 'none') throw notFound(`E-mail ${command.data.emailId}`);
        // A second delivery report (a retried job) adds nothing.
        return state.status === 'sent' ? [] : [{ type: 'EmailSent', data: command.data }];
      case 'RecordEmailFailed':
        if (state.status === 'none') throw notFound(`E-mail ${command.data.emailId}`);
        return state.status === 'requested' ? [{ type: 'EmailFailed', data: command.data }] : [];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'EmailRequested':
        return { status: 'requested', ...event.data };
      case 'EmailSent':
        return state.status === 'none' ? state : { ...state, status: 'sent' };
      case 'EmailFailed':
        return state.status === 'none' ? state : { ...state, status: 'failed' };
      default:
        return assertNever(event);
    }
  },
};
