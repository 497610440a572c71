import { createHmac } from 'node:crypto';
import type { LagesbildEvent } from '../lagesbild/lagesbild.decider.js';
import type { JobProcessor } from '../platform/jobs/job-queue.js';
import type { Reactor } from '../platform/jobs/reactor.js';
import { PublicUrls } from './public-urls.js';
import { periodOfStream } from '../lagesbild/lagesbild-stream.js';

export const PUBLICATION_WEBHOOK = 'publication-webhook';

export type PublicationWebhookPayload = {
  event: 'lagesbild.published' | 'lagesbild.retracted';
  period: string;
  publicationNumber: number;
};

/**
 * Where one is configured (LAGET_PUBLICATION_WEBHOOK_URL), every publication and retraction asks
 * for one webhook delivery, a job of its own so that a slow web site never holds a publication up.
 */
export function publicationWebhookReactor(enabled: boolean): Reactor<LagesbildEvent> {
  return {
    name: 'publication-webhook',
    eventTypes: ['LagesbildPublished', 'PublicationRetracted'],
    jobsFor: (event) => {
      if (!enabled) return [];
      if (event.type !== 'LagesbildPublished' && event.type !== 'PublicationRetracted') return [];
      return [
        {
          kind: PUBLICATION_WEBHOOK,
          payload: {
            event: event.type === 'LagesbildPublished' ? 'lagesbild.published' : 'lagesbild.retracted',
            period: periodOfStream(event.streamId),
            publicationNumber: event.data.publicationNumber,
          },
          options: { attempts: 8, backoffMs: 5_000 },
        },
      ];
    },
  };
}

/**
 * `X-Laget-Signature: sha256=<hex>` is the HMAC-SHA256, keyed with the shared secret, of
 * `<X-Laget-Timestamp>.<raw body>`; the receiver recomputes it, compares in constant time and
 * refuses old timestamps. `X-Laget-Delivery` stays the same when a delivery is retried.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function publicationWebhookProcessor(deps: {
  url: string;
  secret: string;
  baseUrl: string;
  now: () => Date;
  fetch?: typeof fetch;
}): JobProcessor<PublicationWebhookPayload, { status: number }> {
  const send = deps.fetch ?? fetch;
  return async (job) => {
    const urls = new PublicUrls(deps.baseUrl);
    const { event, period, publicationNumber } = job.payload;
    // Facts and public addresses only: the receiver fetches the content from the public site.
    const body = JSON.stringify({
      event,
      period,
      publicationNumber,
      html: urls.week(period),
      json: urls.week(period, 'json'),
      pdf: urls.week(period, 'pdf'),
      feed: urls.feed(),
    });
    const timestamp = String(Math.floor(deps.now().getTime() / 1000));
    const response = await send(deps.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Laget-webhook/1',
        'x-laget-event': event,
        'x-laget-delivery': job.id,
        'x-laget-timestamp': timestamp,
        'x-laget-signature': webhookSignature(deps.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`Webhook answered ${response.status}`);
    return { status: response.status };
  };
}
