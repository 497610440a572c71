import { describe, expect, it } from 'vitest';
import { lagetSwedish } from '../i18n/sv.js';
import { i18nProvider } from '../i18nProvider.js';
import { explainedFailure, explainFailure, failureCauses } from './job-failure.js';

describe('why a job failed, in Swedish', () => {
  const explain = (kind: string, error?: string) => explainFailure({ kind, error });

  it('recognises what the publication job refuses', () => {
    expect(explain('publish-lagesbild', 'Publication 9 of 2024-W48 was never requested')).toEqual({
      cause: 'publish_not_requested',
    });
    expect(
      explain('publish-lagesbild', 'The open version of 2024-W48 hashes to abc, not the approved def'),
    ).toEqual({ cause: 'publish_changed' });
    // As publish-lagesbild.job.ts words it when the areas changed after the approval (docs/adr/0030),
    // also when a retry repeats the recorded reason.
    const mapChanged =
      'Kartan för 2024-W48 är inte den som godkändes: … / The open map of 2024-W48 is not the approved one (areas, places or categories changed since the approval); approve again';
    expect(explain('publish-lagesbild', mapChanged)).toEqual({ cause: 'publish_map_changed' });
    expect(
      explain('publish-lagesbild', `Publication 2024-W48 #2 was recorded as failed: ${mapChanged}`),
    ).toEqual({ cause: 'publish_map_changed' });
    expect(explain('publish-lagesbild', 'Publication 2024-W48 #2 was recorded as failed')).toEqual({
      cause: 'publish_recorded_failed',
    });
    expect(explain('publish-lagesbild', 'There is no lägesbild for 2024-W48 in this store')).toEqual({
      cause: 'publish_no_lagesbild',
    });
    expect(explain('publish-lagesbild', 'Publication 2024-W48 #1 has no stored PDF')).toEqual({
      cause: 'publish_files_missing',
    });
    // As publish-lagesbild.job.ts words it when one part fails alone (docs/adr/0016).
    expect(
      explain(
        'publish-lagesbild',
        'Publication 2024-W48 #1: Rendering the PDF failed at section 3 "Skolan" (org-skolan), /items/1 (inc-3); unusual characters at /items/1/problem: U+D800: unsupported glyph',
      ),
    ).toEqual({ cause: 'publish_render', where: 'section 3 "Skolan" (org-skolan), /items/1 (inc-3)' });
    expect(
      explain(
        'publish-lagesbild',
        'Publication 2024-W48 #1: Rendering the PDF failed at section 1 "Bakgrund" (bg), /text: x',
      ),
    ).toEqual({ cause: 'publish_render', where: 'section 1 "Bakgrund" (bg), /text' });
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

describe('a failure told in Swedish', () => {
  const swedish = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

  it('has Swedish words for every cause', () => {
    const causes: Record<string, string> = lagetSwedish.laget.dashboard.failed.cause;
    for (const cause of failureCauses) expect([cause, causes[cause]]).toEqual([cause, expect.any(String)]);
    expect(Object.keys(causes).sort()).toEqual([...failureCauses].sort());
  });

  it('says why a publication failed instead of repeating the server’s English', () => {
    const error = 'The open version of 2024-W48 hashes to abc, not the approved def';
    const text = explainedFailure({ kind: 'publish-lagesbild', error }, swedish);
    expect(text).toBe('Den öppna versionen stämde inte med den som godkändes, så den publicerades inte.');
    expect(explainedFailure({ kind: 'publish-lagesbild' }, swedish)).toMatch(/^Något gick fel när/);
  });

  it('names the status a webhook receiver answered', () => {
    expect(explainedFailure({ kind: 'publication-webhook', error: 'Webhook answered 404' }, swedish)).toBe(
      'Adressen till webbplatsens mottagare finns inte (svarskod 404). Kontrollera LAGET_PUBLICATION_WEBHOOK_URL.',
    );
  });

  it('has nothing to say about a job kind Läget does not know', () => {
    expect(explainedFailure({ kind: 'rebuild-index', error: 'boom' }, swedish)).toBeUndefined();
  });
});
