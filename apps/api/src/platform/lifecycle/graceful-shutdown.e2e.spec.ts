import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../../../../test/support/app.js';
import {
  type BuiltServer,
  buildServer,
  builtServerAdminPassword,
  killBuiltServer,
  removeBuiltServer,
  builtServerMasterKey,
  startBuiltServer,
} from '../../../../../test/support/built-server.js';
import { createTestDatabase, describeWith, testRedisUrl } from '../../../../../test/support/services.js';
import { adminClient, createOrganisation, createUser } from '../../reporting/testing/http-kit.js';
import { PUBLISH_LAGESBILD } from '../../publication/publish-lagesbild.job.js';
import type { ClosingAwareFastifyAdapter } from './graceful-shutdown.js';
import { approveWeekBeforeStart, startSlowPost } from '../../testing/shutdown-fixtures.js';

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
          // The week is written before the server starts: under the servers' master key (ADR 0025).
          LAGET_MASTER_KEY: builtServerMasterKey,
          ...(jobs === 'bullmq'
            ? {
                REDIS_URL: testRedisUrl,
                LAGET_QUEUE_PREFIX: `laget-shutdown-${randomBytes(4).toString('hex')}`,
              }
            : {}),
        };
        await approveWeekBeforeStart(env, period);
      }, 180_000);

      afterAll(async () => {
        await killBuiltServer(server);
        await drop();
      });

      it('answers the request in flight, exits 0 within the limit, and the publication completes', async () => {
        server = await startBuiltServer(env);
        const admin = await adminClient(server.url, builtServerAdminPassword);
        const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
        const { client: coordinator } = await createUser(admin, {
          username: 'bf.samordnare',
          organisationId: office,
          roles: ['coordinator'],
        });
        const { client: secondAdmin } = await createUser(admin, {
          username: 'admin2',
          organisationId: null,
          roles: ['admin'],
        });
        // A command on its way in, and the week's publication job running, when SIGTERM comes.
        const registering = await startSlowPost(
          server.url,
          '/api/organisations',
          { name: 'Registrerad under avstängningen', kind: 'other' },
          { authorization: `Bearer ${secondAdmin.bearerToken!}` },
        );
        expect((await coordinator.post(`/api/lagesbilder/${period}/publish`, {})).status).toBe(202);
        let atSignal = await publicationJobStates(env);
        for (const until = Date.now() + 15_000; atSignal.running === 0 && Date.now() < until;)
          atSignal = await publicationJobStates(env);
        server.child.kill('SIGTERM');
        const signalled = Date.now();
        expect(atSignal.running).toBe(1);
        await new Promise((done) => setTimeout(done, 300));
        // A new request now: refused, either by the 503 hook or because nothing listens any more.
        const late = await fetch(`${server.url}/health/ready`).catch(() => null);
        expect([null, 503]).toContain(late ? late.status : null);

        const answered = await registering.finish();
        expect([answered.status, answered.body]).toEqual([201, expect.stringContaining('"id"')]);
        const code = await server.exited;
        const tookMs = Date.now() - signalled;
        expect(code).toBe(0);
        expect(tookMs).toBeLessThan(SHUTDOWN_SECONDS * 1000);
        expect(server.output()).toContain('SIGTERM: shutting down');
        expect(server.output()).toMatch(/Shut down in \d+ ms/);
        expect(server.output()).not.toMatch(/did not finish within|Shutdown failed/);

        // Finished or handed back, never left running: a job still 'running' after a graceful exit
        // would wait for a lease or a stall check before anyone ran it again.
        const left = await publicationJobStates(env);
        expect(left.running).toBe(0);

        // The next start runs whatever was left and serves the week.
        server = await startBuiltServer(env, { port: server.port });
        let status = 0;
        for (const until = Date.now() + 30_000; status !== 200 && Date.now() < until;) {
          status = (await fetch(`${server.url}/public/lagesbilder/${period}`)).status;
          if (status !== 200) await new Promise((done) => setTimeout(done, 250));
        }
        expect(status).toBe(200);
        console.info(
          `${jobs}: SIGTERM to exit 0 in ${tookMs} ms with a request and a publication in flight; ` +
            `its job at SIGTERM ${JSON.stringify(atSignal)}, at exit ${JSON.stringify(left)}`,
        );
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }, 180_000);
    },
  );
}

/** The publication jobs by state, as the stopped server left them (in its jobs table or in Redis). */
async function publicationJobStates(env: Record<string, string>): Promise<Record<string, number>> {
  if (env.REDIS_URL) {
    const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(PUBLISH_LAGESBILD, { connection, prefix: env.LAGET_QUEUE_PREFIX! });
    try {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed');
      return { ...counts, running: counts.active ?? 0 };
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client
      .query<{ state: string; n: string }>(
        `SELECT state, count(*) AS n FROM jobs WHERE kind = $1 GROUP BY state`,
        [PUBLISH_LAGESBILD],
      )
      .catch(() => ({ rows: [] as Array<{ state: string; n: string }> })); // no jobs table yet
    return { running: 0, ...Object.fromEntries(rows.map((row) => [row.state, Number(row.n)])) };
  } finally {
    await client.end();
  }
}

// The server was built into a temporary folder of this file's own (test/support/built-server.ts).
afterAll(() => removeBuiltServer());
