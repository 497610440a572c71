import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@laget/event-store';
import { startTestApp, type TestApp } from '../../../../../test/support/app.js';
import { createApp } from '../../app.factory.js';
import { AppConfig } from '../../config/app-config.js';
import { Client } from '../../identity/test/http-client.js';
import { defineFeature } from '../feature.js';
import { EVENT_STORE } from '../platform.tokens.js';

/** A route that fails as a bug would: an error nobody mapped to an answer. */
@Controller('api/request-id-test')
class FailingController {
  @Get('fail')
  fail(): never {
    throw new Error('SELECT secret FROM somewhere failed');
  }

  @Get('ok')
  ok(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

const failingFeature = defineFeature({
  name: 'request-id-test',
  module: FailingModule,
  commandHandlers: [],
  queryHandlers: [],
  projections: [],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Issue 16: one id per request. The client's X-Request-Id (when acceptable) or a new UUID is the
 * log's reqId, the response's X-Request-Id, the events' correlationId and a 500's `requestId`.
 */
describe('request ids', () => {
  let app: NestFastifyApplication;
  let url: string;
  let dataDir: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'laget-request-id-'));
    const config = AppConfig.fromEnvironment({
      LOG_LEVEL: 'info',
      EVENT_STORE: 'pglite',
      DATA_DIR: dataDir,
    });
    const logs = new PassThrough();
    let partial = '';
    logs.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    app = await createApp({ config, features: [failingFeature], logDestination: logs });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });

  it('echoes an acceptable X-Request-Id and makes a UUID for a missing or unacceptable one', async () => {
    const given = await get('/api/request-id-test/ok', { 'x-request-id': 'panel-1a2b.3c:4_d-5' });
    expect(given.status).toBe(200);
    expect(given.headers.get('x-request-id')).toBe('panel-1a2b.3c:4_d-5');

    const made = await get('/api/request-id-test/ok');
    expect(made.headers.get('x-request-id')).toMatch(UUID);

    for (const unacceptable of ['has space', 'x'.repeat(101), 'quote"d', 'semi;colon']) {
      const answer = await get('/api/request-id-test/ok', { 'x-request-id': unacceptable });
      expect(answer.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('answers with the id also where no route answers (404)', async () => {
    const answer = await get('/api/no-such-route', { 'x-request-id': 'missing-route-1' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-request-id')).toBe('missing-route-1');
  });

  it('logs one line per request, with method, path without query, status and time, and none for health checks', async () => {
    await get('/api/request-id-test/ok?search=Anna+Andersson', { 'x-request-id': 'line-per-request-1' });
    await get('/health', { 'x-request-id': 'health-probe-1' });
    const about = (reqId: string) =>
      lines.filter((line) => (line.req as { id?: unknown } | undefined)?.id === reqId);
    for (let tries = 0; about('line-per-request-1').length < 1 && tries < 100; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(about('line-per-request-1')).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: {
          id: 'line-per-request-1',
          method: 'GET',
          path: '/api/request-id-test/ok',
          remoteAddress: '127.0.0.1',
        },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    // The query string (a search for a person) never reaches the log.
    expect(JSON.stringify(lines)).not.toContain('Andersson');
    expect(about('health-probe-1')).toEqual([]);
  });

  it('gives a 500 the id as requestId in a Swedish-first body, and logs the error under the same id', async () => {
    const answer = await get('/api/request-id-test/fail', { 'x-request-id': 'trace-500-abc' });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('x-request-id')).toBe('trace-500-abc');
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message:
        'Något gick fel hos oss; felet är loggat (referens trace-500-abc) / Something went wrong on our side; it has been logged.',
      requestId: 'trace-500-abc',
    });
    expect(JSON.stringify(body)).not.toContain('secret');

    const generated = await get('/api/request-id-test/fail');
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(((await generated.json()) as { requestId: string }).requestId).toBe(id);

    // pino writes asynchronously: wait for the error's line of each request.
    const about = (reqId: string) => lines.filter((line) => line.reqId === reqId);
    for (let tries = 0; (about('trace-500-abc').length < 1 || about(id!).length < 1) && tries < 100; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(about('trace-500-abc')).toEqual([
      expect.objectContaining({
        level: 50,
        err: expect.objectContaining({
          message: 'SELECT secret FROM somewhere failed',
          stack: expect.stringContaining('Error: SELECT secret FROM somewhere failed'),
        }),
      }),
    ]);
    expect(about(id!)).toEqual([expect.objectContaining({ level: 50 })]);
  });
});

describe('request ids as correlation ids', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ store: 'pglite' });
  }, 60_000);

  afterAll(() => app?.close());

  it("records the request's id as the correlationId of the events it causes", async () => {
    const admin = new Client(app.url);
    const login = await admin.request(
      'POST',
      '/api/auth/login',
      { username: 'admin', password: 'test-admin-password-1' },
      { 'x-request-id': 'login-req-42' },
    );
    expect(login.status).toBe(200);
    expect(login.headers.get('x-request-id')).toBe('login-req-42');
    const store = app.app.get<EventStore>(EVENT_STORE);
    const { events } = await store.readAll(null, 1000);
    const loggedIn = events.filter((event) => event.metadata.correlationId === 'login-req-42');
    expect(loggedIn.length).toBeGreaterThan(0);

    // Without a header, the generated id the response names is the events' correlationId.
    const again = await new Client(app.url).login('admin', 'test-admin-password-1');
    const generated = again.headers.get('x-request-id')!;
    expect(generated).toMatch(UUID);
    const after = (await store.readAll(null, 1000)).events;
    expect(after.some((event) => event.metadata.correlationId === generated)).toBe(true);
  });
});
