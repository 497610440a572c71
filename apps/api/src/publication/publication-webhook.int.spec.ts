import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLICATION_WEBHOOK, publicationWebhookProcessor } from './publication-webhook.js';

const secret = 'a-shared-secret-of-at-least-32-characters';

interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('publication webhook against a real HTTP receiver', () => {
  let server: Server;
  let url: string;
  const deliveries: Delivery[] = [];
  let answer = 204;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = answer;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/laget-hook`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const job = (id: string) => ({
    id,
    kind: PUBLICATION_WEBHOOK,
    payload: { event: 'lagesbild.published' as const, period: '2024-W48', publicationNumber: 2 },
    attempt: 1,
    maxAttempts: 8,
  });
  const processor = () =>
    publicationWebhookProcessor({
      url,
      secret,
      baseUrl: 'https://laget.norberg.example',
      now: () => new Date('2024-12-02T09:00:00Z'),
    });

  it('posts public addresses only, signed so that the receiver can verify it', async () => {
    answer = 204;
    await expect(processor()(job('publication-webhook-e1'))).resolves.toEqual({ status: 204 });
    const delivery = deliveries.at(-1)!;
    expect(JSON.parse(delivery.body)).toEqual({
      event: 'lagesbild.published',
      period: '2024-W48',
      publicationNumber: 2,
      html: 'https://laget.norberg.example/public/lagesbilder/2024-W48',
      json: 'https://laget.norberg.example/public/lagesbilder/2024-W48.json',
      pdf: 'https://laget.norberg.example/public/lagesbilder/2024-W48.pdf',
      feed: 'https://laget.norberg.example/public/feed.atom',
    });
    expect(delivery.headers['x-laget-delivery']).toBe('publication-webhook-e1');
    expect(delivery.headers['x-laget-timestamp']).toBe('1733130000');
    // What the municipality's receiver does: recompute and compare in constant time.
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', secret).update(`1733130000.${delivery.body}`).digest('hex')}`,
    );
    const sent = Buffer.from(String(delivery.headers['x-laget-signature']));
    expect(sent.length === expected.length && timingSafeEqual(sent, expected)).toBe(true);
  });

  it('fails the attempt when the receiver does not accept it, so the job retries', async () => {
    answer = 503;
    await expect(processor()(job('publication-webhook-e2'))).rejects.toThrow('Webhook answered 503');
  });
});
