import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../../../../test/support/app.js';

/**
 * What every request meets before a controller: body parsing and its refusals in the contract's
 * error body, security headers, and the admin panel's files with the SPA fallback.
 */
describe('HTTP edges (Fastify)', () => {
  let app: TestApp;
  let adminDist: string;

  beforeAll(async () => {
    adminDist = await mkdtemp(join(tmpdir(), 'laget-admin-dist-'));
    await mkdir(join(adminDist, 'assets'));
    await writeFile(join(adminDist, 'index.html'), '<!doctype html><title>Läget</title>');
    await writeFile(join(adminDist, 'assets', 'app.js'), 'console.log(1)');
    app = await startTestApp({ store: 'pglite', env: { ADMIN_DIST_DIR: adminDist } });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await rm(adminDist, { recursive: true, force: true });
  });

  const post = (path: string, body: string | undefined, contentType = 'application/json') =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      ...(body === undefined ? {} : { body }),
    });

  it('answers malformed JSON with 400 naming the body', async () => {
    const response = await post('/api/auth/login', '{"username": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      details: [{ field: 'body', message: 'invalid JSON' }],
    });
  });

  it('refuses a body over 2 MB with 413 naming the body', async () => {
    const response = await post('/api/auth/login', JSON.stringify({ username: 'x'.repeat(2_200_000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ statusCode: 413, details: [{ field: 'body' }] });
  });

  it('refuses prototype-poisoning keys with 400', async () => {
    const response = await post('/api/auth/login', '{"username":"a","__proto__":{"admin":true}}');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, details: [{ field: 'body' }] });
  });

  it('takes a bodiless POST sent as JSON as no body: it reaches the route', async () => {
    const response = await post('/api/auth/logout', undefined);
    expect(response.status).toBe(401); // not logged in, rather than a parse error
  });

  it('refuses bodies that are not JSON with 415', async () => {
    const response = await post('/api/auth/login', 'username=a', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ statusCode: 415 });
  });

  it('sends security headers and no X-Powered-By', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the admin panel, its files, and index.html for its client-side routes', async () => {
    const html = { headers: { accept: 'text/html' } };
    const root = await fetch(`${app.url}/`, html);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<title>Läget</title>');
    const deepLink = await fetch(`${app.url}/lagesbilder/2024-W48/history`, html);
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-type')).toMatch(/^text\/html/);
    const asset = await fetch(`${app.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('max-age=3600');
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('never answers API, public or Bull Board paths with the panel', async () => {
    const html = { headers: { accept: 'text/html' } };
    for (const path of ['/api/nothing-here', '/public/nothing-here', '/admin/queues/x']) {
      const response = await fetch(`${app.url}${path}`, html);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
    const json = await fetch(`${app.url}/lagesbilder`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
  });
});
