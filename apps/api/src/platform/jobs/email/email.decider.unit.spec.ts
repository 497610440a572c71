import { DomainError } from '../../domain/domain-error.js';
import { type EmailCommand, type EmailEvent, emailDecider } from './email.decider.js';

const requested: EmailEvent = {
  type: 'EmailRequested',
  data: {
    emailId: 'm1',
    to: 'samordnare@norberg.se',
    subject: 'Påminnelse: vecka 48',
    text: 'Skolans rapport saknas för vecka 48.',
    purpose: 'reminder',
  },
};
const sent: EmailEvent = {
  type: 'EmailSent',
  data: { emailId: 'm1', transport: 'smtp', messageId: '<x@y>' },
};
const failed: EmailEvent = {
  type: 'EmailFailed',
  data: { emailId: 'm1', error: '550 no such user', attempts: 5 },
};

function given(...events: EmailEvent[]) {
  const state = events.reduce(emailDecider.evolve, emailDecider.initialState());
  return { when: (command: EmailCommand) => () => emailDecider.decide(command, state) };
}

describe('email decider', () => {
  it('given nothing, when an e-mail is requested, then it is EmailRequested', () => {
    expect(given().when({ type: 'RequestEmail', data: requested.data })()).toEqual([requested]);
  });

  it('refuses a second request for the same e-mail', () => {
    expect(given(requested).when({ type: 'RequestEmail', data: requested.data })).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
  });

  it('refuses a bad address or an empty or multi-line subject, naming the fields', () => {
    const attempt = given().when({
      type: 'RequestEmail',
      data: { ...requested.data, to: 'inte en adress', subject: 'a\r\nBcc: x@y.se' },
    });
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).kind).toBe('invalid');
      expect(Object.keys((error as DomainError).details ?? {}).sort()).toEqual(['subject', 'to']);
    }
  });

  it('given a request, when it is delivered, then EmailSent; a second report adds nothing', () => {
    expect(given(requested).when({ type: 'RecordEmailSent', data: sent.data })()).toEqual([sent]);
    expect(given(requested, sent).when({ type: 'RecordEmailSent', data: sent.data })()).toEqual([]);
  });

  it('given a request, when delivery fails for good, then EmailFailed; not after it was sent', () => {
    expect(given(requested).when({ type: 'RecordEmailFailed', data: failed.data })()).toEqual([failed]);
    expect(given(requested, sent).when({ type: 'RecordEmailFailed', data: failed.data })()).toEqual([]);
    expect(given(requested, failed).when({ type: 'RecordEmailFailed', data: failed.data })()).toEqual([]);
  });

  it('records a late success after a failure', () => {
    expect(given(requested, failed).when({ type: 'RecordEmailSent', data: sent.data })()).toEqual([sent]);
  });

  it('refuses outcomes for an e-mail nobody requested', () => {
    expect(given().when({ type: 'RecordEmailSent', data: sent.data })).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
    expect(given().when({ type: 'RecordEmailFailed', data: failed.data })).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
  });
});
