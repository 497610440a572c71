/**
 * Failed background jobs as the coordinator should see them: only the ones nothing has put
 * right since, each with what it means and what the coordinator can do about it.
 */

/** One row of `GET /api/jobs?state=…` (apps/api/src/platform/jobs/job-queue.ts, JobSummary). */
export interface JobSummary {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  attempts: number;
  error?: string;
  payload: Record<string, string | number | boolean | null>;
  /** When it entered its state: for a failed job, when its last attempt failed. */
  updatedAt: string;
}

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
    default:
      return { advice: 'other' };
  }
}

/**
 * Why a job failed, as far as Läget can tell from the server's (English) error text. Keys under
 * `laget.dashboard.failed.cause.<cause>`; every known job kind has a cause of its own for an
 * error text that is not recognised, so the coordinator always reads Swedish first.
 */
export const failureCauses = [
  'publish_not_requested',
  'publish_changed',
  'publish_recorded_failed',
  'publish_no_lagesbild',
  'publish_files_missing',
  'publish_unknown',
  'webhook_refused',
  'webhook_missing',
  'webhook_receiver_error',
  'webhook_status',
  'webhook_timeout',
  'webhook_unreachable',
  'webhook_unknown',
  'email_login',
  'email_recipient',
  'email_timeout',
  'email_unreachable',
  'email_not_requested',
  'email_unknown',
  'reminders_unknown',
] as const;

export type FailureCause = (typeof failureCauses)[number];

export interface FailureExplanation {
  cause: FailureCause;
  /** The HTTP status a webhook receiver answered, for the text's `%{status}`. */
  status?: number;
}

// Node's network errors (fetch wraps them as "fetch failed"), nodemailer's and DNS lookups.
const unreachable =
  /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN|getaddrinfo|fetch failed/i;
const timedOut = /timeout|timed out|ETIMEDOUT|Greeting never received/i;

/** The Swedish explanation of a failure of a known job kind; undefined for a kind Läget does not know. */
export function explainFailure(job: Pick<JobSummary, 'kind' | 'error'>): FailureExplanation | undefined {
  const error = job.error ?? '';
  switch (job.kind) {
    case 'publish-lagesbild':
      if (/was never requested/.test(error)) return { cause: 'publish_not_requested' };
      if (/hashes to .* not the approved/.test(error)) return { cause: 'publish_changed' };
      if (/was recorded as failed/.test(error)) return { cause: 'publish_recorded_failed' };
      if (/There is no lägesbild/.test(error)) return { cause: 'publish_no_lagesbild' };
      if (/has no stored PDF|vanished/.test(error)) return { cause: 'publish_files_missing' };
      return { cause: 'publish_unknown' };
    case 'publication-webhook': {
      const answered = /Webhook answered (\d{3})/.exec(error);
      if (answered) {
        const status = Number(answered[1]);
        if (status === 401 || status === 403) return { cause: 'webhook_refused', status };
        if (status === 404 || status === 410) return { cause: 'webhook_missing', status };
        if (status >= 500) return { cause: 'webhook_receiver_error', status };
        return { cause: 'webhook_status', status };
      }
      if (timedOut.test(error)) return { cause: 'webhook_timeout' };
      if (unreachable.test(error)) return { cause: 'webhook_unreachable' };
      return { cause: 'webhook_unknown' };
    }
    case 'send-email':
      if (/was never requested/.test(error)) return { cause: 'email_not_requested' };
      if (/Invalid login|\b535\b|authenticat/i.test(error)) return { cause: 'email_login' };
      if (/recipients? (were |was )?rejected|No recipients|\b55[0-3]\b/i.test(error))
        return { cause: 'email_recipient' };
      if (timedOut.test(error)) return { cause: 'email_timeout' };
      if (unreachable.test(error)) return { cause: 'email_unreachable' };
      return { cause: 'email_unknown' };
    case 'send-reminders':
      return { cause: 'reminders_unknown' };
    default:
      return undefined;
  }
}
