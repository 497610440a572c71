import { describe, expect, it } from 'vitest';
import { lagetSwedish } from '../i18n/sv.js';
import {
  adviceFor,
  explainFailure,
  failureCauses,
  type FailureAdvice,
  type JobSummary,
  unresolvedFailures,
} from './failed-jobs.js';

const job = (
  id: string,
  kind: string,
  state: JobSummary['state'],
  updatedAt: string,
  payload: JobSummary['payload'],
): JobSummary => ({ id, kind, state, attempts: 5, payload, updatedAt });

const now = new Date('2024-12-03T12:00:00Z');

describe('failed jobs on the coordinator’s dashboard', () => {
  it('keeps failures nothing has put right, newest first', () => {
    const failed = [
      job('p-47', 'publish-lagesbild', 'failed', '2024-12-01T08:00:00Z', {
        period: '2024-W47',
        publicationNumber: 1,
      }),
      job('e-1', 'send-email', 'failed', '2024-12-03T07:00:00Z', { emailId: 'e1' }),
    ];
    expect(unresolvedFailures(failed, [], now).map((j) => j.id)).toEqual(['e-1', 'p-47']);
  });

  it('drops a failed publication once a later publication of the same week has completed', () => {
    const failed = [
      job('p-48-1', 'publish-lagesbild', 'failed', '2024-12-02T09:00:00Z', {
        period: '2024-W48',
        publicationNumber: 1,
      }),
      job('p-47-1', 'publish-lagesbild', 'failed', '2024-12-02T09:00:00Z', {
        period: '2024-W47',
        publicationNumber: 1,
      }),
    ];
    const completed = [
      // A different job (publication number 2) for week 48, later: that week is published now.
      job('p-48-2', 'publish-lagesbild', 'completed', '2024-12-02T10:00:00Z', {
        period: '2024-W48',
        publicationNumber: 2,
      }),
      // Week 47 was published before it failed again: the failure still stands.
      job('p-47-0', 'publish-lagesbild', 'completed', '2024-12-01T10:00:00Z', {
        period: '2024-W47',
        publicationNumber: 0,
      }),
      // Same week, other kind: says nothing about the publication.
      job('w-47', 'publication-webhook', 'completed', '2024-12-02T11:00:00Z', {
        period: '2024-W47',
        publicationNumber: 1,
      }),
    ];
    expect(unresolvedFailures(failed, completed, now).map((j) => j.id)).toEqual(['p-47-1']);
  });

  it('matches other jobs by their whole payload, and forgets failures older than the window', () => {
    const failed = [
      job('r-fri', 'send-reminders', 'failed', '2024-11-29T09:00:00Z', { slot: '5-1000' }),
      job('r-thu', 'send-reminders', 'failed', '2024-11-28T09:00:00Z', { slot: '4-1000' }),
      job('old', 'send-email', 'failed', '2024-10-01T09:00:00Z', { emailId: 'old' }),
      job('not-failed', 'send-email', 'queued', '2024-12-01T09:00:00Z', { emailId: 'q' }),
    ];
    const completed = [
      job('r-fri-next', 'send-reminders', 'completed', '2024-11-29T10:00:00Z', { slot: '5-1000' }),
    ];
    expect(unresolvedFailures(failed, completed, now).map((j) => j.id)).toEqual(['r-thu']);
  });

  it('tells the coordinator where to act for each kind of job', () => {
    expect(
      adviceFor({ kind: 'publish-lagesbild', payload: { period: '2024-W48', publicationNumber: 1 } }),
    ).toEqual({
      advice: 'publish',
      period: '2024-W48',
      to: '/lagesbilder/2024-W48/show',
    });
    expect(adviceFor({ kind: 'publication-webhook', payload: { period: '2024-W48' } })).toEqual({
      advice: 'webhook',
      period: '2024-W48',
    });
    expect(adviceFor({ kind: 'send-email', payload: { emailId: 'x' } })).toEqual({ advice: 'email' });
    expect(adviceFor({ kind: 'send-reminders', payload: { slot: '5-1000' } })).toEqual({
      advice: 'reminders',
      to: '/periods',
    });
    expect(adviceFor({ kind: 'rebuild-index', payload: {} })).toEqual({ advice: 'other' });
    expect(adviceFor({ kind: 'publish-lagesbild', payload: {} })).toEqual({ advice: 'other' });
  });

  it('has Swedish words for every piece of advice and every cause', () => {
    const advice: FailureAdvice['advice'][] = ['publish', 'webhook', 'email', 'reminders', 'other'];
    const failed: Record<string, unknown> = lagetSwedish.laget.dashboard.failed;
    for (const key of advice.flatMap((a) => [a, `${a}_help`]))
      expect([key, failed[key]]).toEqual([key, expect.any(String)]);
    const causes: Record<string, string> = lagetSwedish.laget.dashboard.failed.cause;
    for (const cause of failureCauses) expect([cause, causes[cause]]).toEqual([cause, expect.any(String)]);
    expect(Object.keys(causes).sort()).toEqual([...failureCauses].sort());
  });
});

describe('why a job failed, in Swedish', () => {
  const explain = (kind: string, error?: string) => explainFailure({ kind, error });

  it('recognises what the publication job refuses', () => {
    expect(explain('publish-lagesbild', 'Publication 9 of 2024-W48 was never requested')).toEqual({
      cause: 'publish_not_requested',
    });
    expect(
      explain('publish-lagesbild', 'The open version of 2024-W48 hashes to abc, not the approved def'),
    ).toEqual({ cause: 'publish_changed' });
    expect(explain('publish-lagesbild', 'Publication 2024-W48 #2 was recorded as failed')).toEqual({
      cause: 'publish_recorded_failed',
    });
    expect(explain('publish-lagesbild', 'There is no lägesbild for 2024-W48 in this store')).toEqual({
      cause: 'publish_no_lagesbild',
    });
    expect(explain('publish-lagesbild', 'Publication 2024-W48 #1 has no stored PDF')).toEqual({
      cause: 'publish_files_missing',
    });
    expect(explain('publish-lagesbild', 'Cannot read properties of undefined')).toEqual({
      cause: 'publish_unknown',
    });
  });

  it('tells a refusing, a missing and a broken webhook receiver apart by its answer', () => {
    expect(explain('publication-webhook', 'Webhook answered 401')).toEqual({
      cause: 'webhook_refused',
      status: 401,
    });
    expect(explain('publication-webhook', 'Webhook answered 404')).toEqual({
      cause: 'webhook_missing',
      status: 404,
    });
    expect(explain('publication-webhook', 'Webhook answered 503')).toEqual({
      cause: 'webhook_receiver_error',
      status: 503,
    });
    expect(explain('publication-webhook', 'Webhook answered 429')).toEqual({
      cause: 'webhook_status',
      status: 429,
    });
    expect(explain('publication-webhook', 'The operation was aborted due to timeout')).toEqual({
      cause: 'webhook_timeout',
    });
    expect(explain('publication-webhook', 'fetch failed')).toEqual({ cause: 'webhook_unreachable' });
    expect(explain('publication-webhook', 'redirect mode is set to error')).toEqual({
      cause: 'webhook_unknown',
    });
  });

  it('names the e-mail server’s problem: login, recipient, no answer, not reachable', () => {
    expect(explain('send-email', 'Invalid login: 535 5.7.8 Authentication failed')).toEqual({
      cause: 'email_login',
    });
    expect(
      explain('send-email', "Can't send mail - all recipients were rejected: 550 5.1.1 No such user"),
    ).toEqual({ cause: 'email_recipient' });
    expect(explain('send-email', 'Connection timeout')).toEqual({ cause: 'email_timeout' });
    expect(explain('send-email', 'connect ECONNREFUSED 127.0.0.1:25')).toEqual({
      cause: 'email_unreachable',
    });
    expect(explain('send-email', 'E-mail e1 was never requested')).toEqual({ cause: 'email_not_requested' });
    expect(explain('send-email', 'Message failed: 452 mailbox full')).toEqual({ cause: 'email_unknown' });
  });

  it('explains every failure of a known job, even without an error text, and none of an unknown one', () => {
    expect(explain('send-reminders', 'duplicate key value violates unique constraint')).toEqual({
      cause: 'reminders_unknown',
    });
    expect(explain('publish-lagesbild')).toEqual({ cause: 'publish_unknown' });
    expect(explain('rebuild-index', 'Webhook answered 401')).toBeUndefined();
  });
});
