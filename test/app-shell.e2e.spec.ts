import { describeWith } from './support/services.js';
import { type TestApp, e2eEventStores, startTestApp } from './support/app.js';

/** The app shell as an operator and an integrator meet it: health, OpenAPI, security headers, errors. */
for (const store of e2eEventStores(['pglite', 'postgres'] as const)) {
  describeWith(store === 'pglite' ? [] : ['postgres'], `app shell on ${store}`, () => {
    let app: TestApp;
    // A fresh PGlite on a loaded machine has taken over the default 60 s to start (seen once).
    beforeAll(async () => {
      app = await startTestApp({ store });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
    });

    it('answers /health', async () => {
      const response = await fetch(`${app.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('names each dependency in /health/ready', async () => {
      const response = await fetch(`${app.url}/health/ready`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        status: string;
        info: Record<string, { status: string; kind: string }>;
      };
      expect(body.status).toBe('ok');
      expect(body.info.eventStore).toEqual({ status: 'up', kind: store });
      // KurrentDB keeps the events only; the read models are in PostgreSQL.
      expect(body.info.readStore).toEqual({
        status: 'up',
        kind: store === 'eventstoredb' ? 'postgres' : store,
      });
      expect(body.info.jobs).toMatchObject({ status: 'up', backend: 'in-process' });
    });

    it('serves the OpenAPI document and Swagger UI', async () => {
      const json = await fetch(`${app.url}/api/docs-json`);
      expect(json.status).toBe(200);
      expect(((await json.json()) as { info: { title: string } }).info.title).toBe('Läget API');
      expect((await fetch(`${app.url}/api/docs`)).status).toBe(200);
    });

    it('sets security headers (helmet)', async () => {
      const response = await fetch(`${app.url}/health`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('answers malformed JSON with 400 in the contract shape, never 500', async () => {
      const response = await fetch(`${app.url}/api/anything`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"broken": ',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: [{ field: 'body', message: 'invalid JSON' }],
      });
    });

    it('answers a body over the limit with 413', async () => {
      const response = await fetch(`${app.url}/api/anything`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(10 * 1024 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ statusCode: 413, details: [{ field: 'body' }] });
    });

    it('answers unknown routes with 404 in the contract shape', async () => {
      const response = await fetch(`${app.url}/api/nothing-here`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });
  });
}
