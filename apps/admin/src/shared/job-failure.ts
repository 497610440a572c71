/**
 * Background jobs' failures in Swedish, wherever the panel shows one: the coordinator's
 * dashboard lists them, and the lägesbild's publish panel follows its own publication job.
 */

/**
 * Why a job failed, as far as Läget can tell from the server's (English) error text. Keys under
 * `laget.dashboard.failed.cause.<cause>`; every known job kind has a cause of its own for an
 * error text that is not recognised, so the coordinator always reads Swedish first.
 */
export const failureCauses = [
  'publish_not_requested',
  'publish_changed',
  'publish_map_changed',
  'publish_recorded_failed',
  'publish_no_lagesbild',
  'publish_files_missing',
  'publish_render',
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
  /** The section and item a publication's PDF could not be made of, for the text's `%{where}`. */
  where?: string;
}

// The publication job names the part that fails alone (docs/adr/0016).
const renderFault =
  /Rendering the PDF failed at (section \d+ "[^"]*" \([^)]*\)(?:, \/[^\s;:]+(?: \([^)]*\))?)?)/;

// Node's network errors (fetch wraps them as "fetch failed"), nodemailer's and DNS lookups.
const unreachable =
  /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN|getaddrinfo|fetch failed/i;
const timedOut = /timeout|timed out|ETIMEDOUT|Greeting never received/i;

/** The Swedish explanation of a failure of a known job kind; undefined for a kind Läget does not know. */
export function explainFailure(job: { kind: string; error?: string }): FailureExplanation | undefined {
  const error = job.error ?? '';
  switch (job.kind) {
    case 'publish-lagesbild':
      if (/was never requested/.test(error)) return { cause: 'publish_not_requested' };
      if (/hashes to .* not the approved/.test(error)) return { cause: 'publish_changed' };
      if (/open map of .* is not the approved one/.test(error)) return { cause: 'publish_map_changed' };
      if (/was recorded as failed/.test(error)) return { cause: 'publish_recorded_failed' };
      if (/There is no lägesbild/.test(error)) return { cause: 'publish_no_lagesbild' };
      if (/has no stored PDF|vanished/.test(error)) return { cause: 'publish_files_missing' };
      if (renderFault.test(error)) return { cause: 'publish_render', where: renderFault.exec(error)![1]! };
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

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The Swedish explanation of a job's failure; undefined for a job kind Läget does not know. */
export function explainedFailure(
  job: { kind: string; error?: string },
  translate: Translate,
): string | undefined {
  const explained = explainFailure(job);
  return explained
    ? translate(`laget.dashboard.failed.cause.${explained.cause}`, {
        status: explained.status ?? '',
        where: explained.where ?? '',
      })
    : undefined;
}
