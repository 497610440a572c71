import type { JobSummary } from '@laget/contracts';

/**
 * Failed background jobs as the coordinator should see them: only the ones nothing has put
 * right since, each with what it means and what the coordinator can do about it.
 */

export type { JobSummary };

/** Older failures are history (the audit trail and Bull Board keep them), not work waiting. */
export const failureWindowDays = 30;

/**
 * What a job was about: a later success about the same thing puts its failure right. A week is
 * the subject of a publication however many attempts it took (a new publish is a new job).
 */
export function subjectOf(job: Pick<JobSummary, 'kind' | 'payload'>): string {
  const period = job.payload.period;
  if (typeof period === 'string') return `${job.kind}/${period}`;
  const fields = Object.keys(job.payload).sort();
  return `${job.kind}/${JSON.stringify(fields.map((field) => [field, job.payload[field]]))}`;
}

/** The failures still worth the coordinator's attention, newest first. */
export function unresolvedFailures(
  failed: readonly JobSummary[],
  completed: readonly JobSummary[],
  now: Date,
  windowDays = failureWindowDays,
): JobSummary[] {
  const since = now.getTime() - windowDays * 24 * 60 * 60 * 1000;
  const lastSuccess = new Map<string, number>();
  for (const job of completed) {
    const at = Date.parse(job.updatedAt);
    const subject = subjectOf(job);
    if (at > (lastSuccess.get(subject) ?? -Infinity)) lastSuccess.set(subject, at);
  }
  return failed
    .filter((job) => job.state === 'failed')
    .filter((job) => Date.parse(job.updatedAt) >= since)
    .filter((job) => (lastSuccess.get(subjectOf(job)) ?? -Infinity) < Date.parse(job.updatedAt))
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

/** Translation keys under `laget.dashboard.failed.<advice>` (`title`, `help`) and where to go. */
export interface FailureAdvice {
  advice: 'publish' | 'webhook' | 'email' | 'reminders' | 'other';
  /** The week, for the title's `%{week}`. */
  period?: string;
  /** A page in the panel where the coordinator can act, where there is one. */
  to?: string;
}

/** Job kinds as the API names them (publication module and the platform's e-mail job). */
export function adviceFor(job: Pick<JobSummary, 'kind' | 'payload'>): FailureAdvice {
  const period = typeof job.payload.period === 'string' ? job.payload.period : undefined;
  switch (job.kind) {
    case 'publish-lagesbild':
      return period
        ? { advice: 'publish', period, to: `/lagesbilder/${encodeURIComponent(period)}/show` }
        : { advice: 'other' };
    case 'publication-webhook':
      return period ? { advice: 'webhook', period } : { advice: 'other' };
    case 'send-email':
      return { advice: 'email' };
    case 'send-reminders':
      return { advice: 'reminders', to: '/periods' };
    // The coordinator's "remind now": the same advice, at the week it was for.
    case 'send-reminders-now':
      return period
        ? { advice: 'reminders', period, to: `/periods/${encodeURIComponent(period)}/show` }
        : { advice: 'reminders', to: '/periods' };
    default:
      return { advice: 'other' };
  }
}
