import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../../../../../test/support/app.js';
import {
  type BuiltServer,
  buildServer,
  builtServerAdminPassword,
  killBuiltServer,
  startBuiltServer,
} from '../../../../../test/support/built-server.js';
import { createTestDatabase, describeWith, testRedisUrl } from '../../../../../test/support/services.js';
import type { ClosingAwareFastifyAdapter } from './graceful-shutdown.js';
import { requestPublicationBeforeStart, startSlowPost } from './shutdown-fixtures.js';

/**
 * Issue 21, graceful shutdown: the built server in a child process, a request in flight and the
 * publication job of a week starting, then SIGTERM. The request is answered, the process exits 0
 * well within LAGET_SHUTDOWN_SECONDS, and the job is done or waits in the queue for the next start.
 */
const SHUTDOWN_SECONDS = 10;

describe('a closing app', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ store: 'pglite' });
  });
  afterAll(async () => test?.close());

  it('refuses new requests, /health/ready included, with 503 "shutting down" and Retry-After', async () => {
    expect((await fetch(`${test.url}/health/ready`)).status).toBe(200);
    (test.app.getHttpAdapter() as ClosingAwareFastifyAdapter).beforeClose();
    for (const path of ['/health/ready', '/api/auth/me', '/public/lagesbilder']) {
      const answer = await fetch(`${test.url}${path}`);
      expect([path, answer.status]).toEqual([path, 503]);
      expect(answer.headers.get('retry-after')).toBe('5');
      const body = (await answer.json()) as { message: string };
      expect(body.message).toContain('Läget stängs av');
      expect(body.message).toContain('is shutting down');
    }
  });
});

for (const jobs of ['in-process', 'bullmq'] as const) {
  describeWith(
    jobs === 'bullmq' ? ['postgres', 'redis'] : ['postgres'],
    `SIGTERM with work in flight (${jobs} jobs)`,
    () => {
      let env: Record<string, string>;
      let drop: () => Promise<void> = async () => undefined;
      let server: BuiltServer | null = null;
      const period = '2024-W48';

      beforeAll(async () => {
        await buildServer();
        const database = await createTestDatabase();
        drop = database.drop;
        env = {
          EVENT_STORE: 'postgres',
          DATABASE_URL: database.url,
          LAGET_SHUTDOWN_SECONDS: String(SHUTDOWN_SECONDS),
          LOG_LEVEL: 'info', // the shutdown's own lines are checked below
          LAGET_ADMIN_PASSWORD: builtServerAdminPassword,
          ...(jobs === 'bullmq'
            ? {
                REDIS_URL: testRedisUrl,
                LAGET_QUEUE_PREFIX: `laget-shutdown-${randomBytes(4).toString('hex')}`,
              }
            : {}),
        };
        await requestPublicationBeforeStart(env, period);
      }, 180_000);

      afterAll(async () => {
        await killBuiltServer(server);
        await drop();
      });

      it('answers the request in flight, exits 0 within the limit, and the publication completes', async () => {
        server = await startBuiltServer(env);
        // The reactor is queueing (or running) the publication job now; a login is on its way in.
        const login = await startSlowPost(server.url, '/api/auth/login', {
          username: 'admin',
          password: builtServerAdminPassword,
        });
        const signalled = Date.now();
        server.child.kill('SIGTERM');
        await new Promise((done) => setTimeout(done, 300));
        // A new request now: refused, either by the 503 hook or because nothing listens any more.
        const late = await fetch(`${server.url}/health/ready`).catch(() => null);
        expect([null, 503]).toContain(late ? late.status : null);

        const answered = await login.finish();
        expect(answered.status).toBe(200);
        expect(JSON.parse(answered.body)).toMatchObject({ username: 'admin' });
        const code = await server.exited;
        const tookMs = Date.now() - signalled;
        expect(code).toBe(0);
        expect(tookMs).toBeLessThan(SHUTDOWN_SECONDS * 1000);
        expect(server.output()).toContain('SIGTERM: shutting down');
        expect(server.output()).toMatch(/Shut down in \d+ ms/);
        expect(server.output()).not.toMatch(/did not finish within|Shutdown failed/);

        // The next start runs whatever was left and serves the week.
        server = await startBuiltServer(env, server.port);
        let status = 0;
        for (const until = Date.now() + 30_000; status !== 200 && Date.now() < until;) {
          status = (await fetch(`${server.url}/public/lagesbilder/${period}`)).status;
          if (status !== 200) await new Promise((done) => setTimeout(done, 250));
        }
        expect(status).toBe(200);
        console.info(`${jobs}: SIGTERM to exit 0 in ${tookMs} ms with a request and a job in flight`);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }, 180_000);
    },
  );
}
