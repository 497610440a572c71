import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeWith } from '../../../../test/support/services.js';
import {
  startThrowawayRedis,
  throwawayServicesAvailable,
  type ThrowawayRedis,
} from '../../../../test/support/throwaway-services.js';
import { approveAsItStands } from '../lagesbild/fixtures/approve-as-it-stands.js';
import { background, weekReports } from '../lagesbild/fixtures/reports.fixture.js';
import {
  type LagesbildCommand,
  lagesbildDecider,
  lagesbildStreamId,
} from '../lagesbild/lagesbild.decider.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { systemContext } from '../platform/commands/request-context.js';
import {
  type ApiClient,
  adminClient,
  createOrganisation,
  createUser,
} from '../reporting/testing/http-kit.js';

/**
 * Issue 21: Redis goes away while a lägesbild is being published, or is away when a coordinator
 * publishes. Publishing is still accepted (the request is an event; the reactor queues the job
 * once Redis answers), `/health/ready` says Redis is down, and the week is public a few seconds
 * after Redis is back. A redis-server of the test's own, persistent as production runs it.
 */
const describeWithRedisServer = (name: string, fn: () => void) =>
  throwawayServicesAvailable().redis
    ? describeWith(['postgres'], name, fn)
    : describe.skip(`${name} (skipped: no redis-server binary to start a Redis of the test's own)`, fn);

describeWithRedisServer('publication across a Redis outage (BullMQ)', () => {
  let redis: ThrowawayRedis;
  let test: TestApp;
  let coordinator: ApiClient;
  let commands: CommandRunner;

  beforeAll(async () => {
    redis = await startThrowawayRedis({ persistent: true });
    test = await startTestApp({
      env: { REDIS_URL: redis.url, LAGET_QUEUE_PREFIX: `laget-outage-${randomBytes(4).toString('hex')}` },
    });
    commands = test.app.get(CommandRunner);
    const admin = await adminClient(test.url);
    const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
    coordinator = (
      await createUser(admin, { username: 'bf.samordnare', organisationId: office, roles: ['coordinator'] })
    ).client;
  }, 120_000);

  afterAll(async () => {
    await redis?.start(); // closing BullMQ waits for its connection
    await test?.close();
    await redis?.destroy();
  });

  async function approvedWeek(period: string): Promise<void> {
    const run = (command: LagesbildCommand) =>
      commands.run(lagesbildStreamId(period), lagesbildDecider(), command, { context: systemContext() });
    await run({
      type: 'CompileLagesbild',
      data: { period, background, reports: weekReports, actorId: 'coordinator-1' },
    });
    await approveAsItStands(run, 'coordinator-1');
  }

  async function readiness(): Promise<{ status: number; message: string }> {
    const answer = await fetch(`${test.url}/health/ready`);
    const body = (await answer.json()) as { message?: string; details?: unknown };
    return {
      status: answer.status,
      message: `${body.message ?? ''} ${JSON.stringify(body.details ?? body)}`,
    };
  }

  /** Milliseconds until the week's public page answers 200, polling. */
  async function untilPublic(period: string, timeoutMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if ((await fetch(`${test.url}/public/lagesbilder/${period}`)).status === 200)
        return Date.now() - started;
      await new Promise((done) => setTimeout(done, 200));
    }
    throw new Error(`${period} was not public within ${timeoutMs} ms`);
  }

  it('completes a publication whose Redis stopped right after the 202, once Redis is back', async () => {
    const period = '2024-W47';
    await approvedWeek(period);
    const accepted = await coordinator.post(`/api/lagesbilder/${period}/publish`, {});
    expect(accepted.status).toBe(202);
    await redis.stop();

    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.message).toContain('jobs');
    expect(down.message).toContain('Redis');
    await new Promise((done) => setTimeout(done, 1_000));

    await redis.start();
    const tookMs = await untilPublic(period, 45_000);
    expect((await readiness()).status).toBe(200);
    console.info(`Redis stopped after the 202: the week was public ${tookMs} ms after Redis came back`);
  }, 120_000);

  it('accepts a publication while Redis is down and completes it once Redis is back', async () => {
    const period = '2024-W46';
    await approvedWeek(period);
    await redis.stop();
    const accepted = await coordinator.post(`/api/lagesbilder/${period}/publish`, {});
    expect(accepted.status).toBe(202);
    expect(accepted.body.jobId).toMatch(/^publish-lagesbild-/);
    expect((await readiness()).status).toBe(503);
    expect((await fetch(`${test.url}/public/lagesbilder/${period}`)).status).toBe(404);

    await redis.start();
    const tookMs = await untilPublic(period, 45_000);
    console.info(`Published while Redis was down: the week was public ${tookMs} ms after Redis came back`);
  }, 120_000);
});
