import { describe, expect, it } from 'vitest';
import { lagetSwedish } from '../i18n/sv.js';
import { adviceFor, type FailureAdvice, type JobSummary, unresolvedFailures } from './failed-jobs.js';

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
    expect(
      adviceFor({
        kind: 'send-reminders-now',
        payload: { period: '2024-W48', requestId: 'e', organisationIds: 'a' },
      }),
    ).toEqual({ advice: 'reminders', period: '2024-W48', to: '/periods/2024-W48/show' });
    expect(adviceFor({ kind: 'rebuild-index', payload: {} })).toEqual({ advice: 'other' });
    expect(adviceFor({ kind: 'publish-lagesbild', payload: {} })).toEqual({ advice: 'other' });
  });

  it('has Swedish words for every piece of advice', () => {
    const advice: FailureAdvice['advice'][] = ['publish', 'webhook', 'email', 'reminders', 'other'];
    const failed: Record<string, unknown> = lagetSwedish.laget.dashboard.failed;
    for (const key of advice.flatMap((a) => [a, `${a}_help`]))
      expect([key, failed[key]]).toEqual([key, expect.any(String)]);
  });
});
