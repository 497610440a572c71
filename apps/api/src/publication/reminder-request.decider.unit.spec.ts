import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { reminderRequestDecider, type RequestReminders } from './reminder-request.decider.js';
import { reminderRequestSlot, remindersNowReactor, sendRemindersNowProcessor } from './reminders-now.job.js';
import { reminderText, type SendRemindersDependencies } from './send-reminders.job.js';
import { defaultPeriodSettings } from '../reporting/period.js';
import { RequestReminderCommand } from './commands/request-reminder.command.js';
import { DomainError } from '../platform/domain/domain-error.js';

const spec = deciderSpec(reminderRequestDecider);

// Monday of week 49, 2024, 10:00 in Stockholm: after week 48's deadline (Monday 09:00).
const monday = '2024-12-02T09:00:00.000Z';
const compliance = [
  { organisationId: 'skolan', state: 'missing' },
  { organisationId: 'polisen', state: 'on_time' },
  { organisationId: 'nvk', state: 'pending' },
  { organisationId: 'fritid', state: 'late' },
] as const;

function request(data: Partial<RequestReminders['data']> = {}): RequestReminders {
  return {
    type: 'RequestReminders',
    data: { period: '2024-W48', requestedBy: 'samordnaren', compliance, at: monday, ...data },
  };
}

describe('the reminder request decider', () => {
  it('without names reminds every organisation that has not reported, before or after the deadline', () => {
    spec
      .given([])
      .when(request())
      .then([
        {
          type: 'RemindersRequested',
          data: {
            period: '2024-W48',
            organisationIds: ['skolan', 'nvk'],
            alreadyReported: [],
            requestedBy: 'samordnaren',
          },
        },
      ]);
  });

  it('with names reminds those of them that have not reported and skips the others, saying so', () => {
    spec
      .given([])
      .when(request({ organisationIds: ['nvk', 'polisen'] }))
      .then([
        {
          type: 'RemindersRequested',
          data: {
            period: '2024-W48',
            organisationIds: ['nvk'],
            alreadyReported: ['polisen'],
            requestedBy: 'samordnaren',
          },
        },
      ]);
  });

  it('asks again after an earlier request: each request is a reminder of its own', () => {
    const earlier = spec.given([]).when(request()).events();
    expect(spec.given(earlier).when(request()).events()).toEqual(earlier);
  });

  it('refuses an organisation the week does not expect, naming it (422)', () => {
    spec
      .given([])
      .when(request({ organisationIds: ['nvk', 'okand'] }))
      .thenThrows({ kind: 'rule', details: { field: 'organisationIds', unknown: ['okand'] } });
  });

  it('refuses when nobody is left to remind', () => {
    spec
      .given([])
      .when(request({ organisationIds: ['polisen', 'fritid'] }))
      .thenThrows({
        kind: 'rule',
        details: { field: 'organisationIds', alreadyReported: ['polisen', 'fritid'] },
      });
    spec
      .given([])
      .when(request({ compliance: [{ organisationId: 'polisen', state: 'on_time' }] }))
      .thenThrows({ kind: 'rule' });
  });

  it('refuses a week that has not begun', () => {
    spec
      .given([])
      .when(request({ period: '2024-W50' }))
      .thenThrows({ kind: 'rule', details: { field: 'period' } });
  });
});

describe('the reminders-now job', () => {
  it('is enqueued once per request, its e-mails named after the request', () => {
    const [job] = remindersNowReactor().jobsFor({
      type: 'RemindersRequested',
      data: { period: '2024-W48', organisationIds: ['skolan', 'nvk'], alreadyReported: [], requestedBy: 'x' },
      eventId: 'ev-1',
    } as never);
    expect(job).toMatchObject({
      kind: 'send-reminders-now',
      payload: { period: '2024-W48', requestId: 'ev-1', organisationIds: 'skolan,nvk' },
    });
    expect(reminderRequestSlot('ev-1')).toBe('now-ev-1');
  });

  it('reminds only those of the request still without a report, once per e-mail id however often it runs', async () => {
    const asked = new Set<string>();
    const sent: string[] = [];
    const deps: SendRemindersDependencies = {
      commandBus: {
        execute: async (command: RequestReminderCommand) => {
          if (asked.has(command.email.emailId)) throw new DomainError('conflict', 'requested already');
          asked.add(command.email.emailId);
          sent.push(command.email.to);
          return { emailId: command.email.emailId, globalPosition: 1 };
        },
      } as never,
      now: () => new Date(monday),
      periodSettings: defaultPeriodSettings,
      compliance: async () => [
        entry('skolan', 'Skolan', 'missing'),
        // Reported between the request and the job: gets nothing.
        entry('nvk', 'NVK', 'late'),
        entry('fritid', 'Fritid', 'missing'),
      ],
      reporters: async (organisationId) =>
        organisationId === 'skolan'
          ? [{ userId: 'u1', displayName: 'Åsa', email: 'asa@skolan.example' }]
          : [{ userId: 'u2', displayName: 'Nils', email: 'nils@nvk.example' }],
      municipalityName: 'Norbergs kommun',
      publicBaseUrl: 'https://laget.example',
    };
    const processor = sendRemindersNowProcessor(deps);
    const job = {
      id: 'send-reminders-now-ev-1',
      payload: { period: '2024-W48', requestId: 'ev-1', organisationIds: 'skolan,nvk' },
      attempt: 1,
      maxAttempts: 3,
    };
    expect(await processor(job as never)).toEqual({
      period: '2024-W48',
      requested: 1,
      alreadyRequested: 0,
      unreachable: [],
    });
    expect(await processor({ ...job, attempt: 2 } as never)).toMatchObject({
      requested: 0,
      alreadyRequested: 1,
    });
    expect(sent).toEqual(['asa@skolan.example']);
    expect([...asked]).toEqual(['reminder-2024-W48-now-ev-1-skolan-u1']);
  });

  it('says the deadline has passed when it has', () => {
    const settings = {
      periodSettings: defaultPeriodSettings,
      municipalityName: 'Norbergs kommun',
      publicBaseUrl: 'https://laget.example',
    };
    const { text } = reminderText('2024-W48', 'Skolan', 'Åsa', settings, new Date(monday));
    expect(text).toContain('skulle ha lämnats in senast 2 december 2024 kl. 09.00');
    const before = reminderText('2024-W48', 'Skolan', 'Åsa', settings, new Date('2024-11-29T09:00:00Z'));
    expect(before.text).toContain('ska vara inlämnad senast 2 december 2024 kl. 09.00');
  });
});

function entry(organisationId: string, organisationName: string, state: 'missing' | 'late') {
  return {
    organisationId,
    organisationName,
    state,
    reportId: null,
    reportStatus: null,
    submittedAt: null,
    record: [],
  };
}
