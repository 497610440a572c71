import type { AddressInfo } from 'node:net';
import { QueryBus } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeWith, testRedisUrl } from '../../../../test/support/services.js';
import { adminClient, createOrganisation, createPerson } from '../identity/test/people.js';
import { Client } from '../identity/test/http-client.js';
import { FixedClock } from '../platform/commands/clock.js';
import { redisConnection } from '../platform/jobs/bullmq-job-queue.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { QueueHealthQuery } from './queries/index.js';
import { SEND_REMINDERS } from './send-reminders.job.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port; `next()` resolves with the next message it receives. */
async function startSmtp() {
  const received: Received[] = [];
  const waiting: Array<(message: Received) => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = {
          to: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next: () =>
      new Promise<Received>((resolve) => {
        waiting.push(resolve);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// In-process jobs: the queue lives in this suite's own database, so no other app sharing the
// Redis (other suites, a developer's server) can take the e-mail job and send it elsewhere.
describeWith(['postgres'], 'weekly reminders through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let test: TestApp;
  let jobs: JobQueue;
  let admin: Client;
  // Friday of week 48, 2024, 10:00 in Stockholm: before Monday's 09:00 deadline.
  const clock = new FixedClock(new Date('2024-11-29T10:00:00+01:00'));

  beforeAll(async () => {
    smtp = await startSmtp();
    test = await startTestApp({ clock, env: { SMTP_URL: smtp.url } });
    jobs = test.app.get(JOB_QUEUE);
    admin = await adminClient(test.url);
  });

  afterAll(async () => {
    await test?.close();
    await smtp?.close();
  });

  it('reminds the reporters of an organisation that has not reported, once per week and slot', async () => {
    const skolan = await createOrganisation(admin, 'Skolan', 'school');
    const nvk = await createOrganisation(admin, 'NVK', 'other');
    const created = await admin.post('/api/users', {
      username: 'rektor',
      displayName: 'Åsa Rektor',
      email: 'rektor@skolan.example',
      organisationId: skolan,
      roles: ['reporter'],
    });
    expect(created.status).toBe(201);
    // NVK has reported this week: its reporter gets nothing.
    const nvkReporter = await createPerson(test.url, admin, 'nvk-rapportor', nvk, ['reporter']);
    await admin.patch(`/api/users/${nvkReporter.id}`, { email: 'nvk@nvk.example' });
    const opened = await nvkReporter.client.post('/api/reports', { period: '2024-W48', organisationId: nvk });
    expect(opened.status).toBe(201);
    const narrated = await nvkReporter.client.patch(
      `/api/reports/${opened.body.id}`,
      { narrative: 'Lugnt just nu.' },
      { 'if-match': String(opened.body.version) },
    );
    const submitted = await nvkReporter.client.post(
      `/api/reports/${opened.body.id}/submit`,
      {},
      { 'if-match': String(narrated.body.version) },
    );
    expect(submitted.status).toBe(200);

    const arrived = smtp.next();
    await jobs.enqueue(SEND_REMINDERS, 'send-reminders-test-first', { slot: 'd5-1000' });
    const first = await jobs.waitUntilSettled('send-reminders-test-first', 20_000);
    expect(first.state).toBe('completed');
    expect(first.result).toMatchObject({ period: '2024-W48', requested: 1, alreadyRequested: 0 });

    const message = await arrived;
    expect(message.to).toEqual(['rektor@skolan.example']);
    expect(message.raw).toMatch(/Subject: =\?UTF-8\?/i);
    expect(message.raw).toContain('v48 2024');

    // The same slot again (a retry, a second instance, the scheduler firing twice): nothing new.
    await jobs.enqueue(SEND_REMINDERS, 'send-reminders-test-again', { slot: 'd5-1000' });
    const again = await jobs.waitUntilSettled('send-reminders-test-again', 20_000);
    expect(again.result).toMatchObject({ period: '2024-W48', requested: 0, alreadyRequested: 1 });
    expect(smtp.received).toHaveLength(1);
  });
});

describeWith(['postgres', 'redis'], 'reminder schedule and operations on BullMQ', () => {
  let test: TestApp;
  let admin: Client;

  beforeAll(async () => {
    test = await startTestApp({ redis: true });
    admin = await adminClient(test.url);
  });

  afterAll(async () => {
    await test?.close();
  });

  it('keeps one BullMQ job scheduler per configured slot, in Swedish time', async () => {
    const connection = redisConnection(testRedisUrl);
    const queue = new Queue(SEND_REMINDERS, { connection, prefix: test.config.queuePrefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            key: 'reminders-d5-1000',
            pattern: '0 10 * * 5',
            tz: 'Europe/Stockholm',
          }),
        ]),
      );
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });

  it('shows Bull Board to coordinator and admin only, checking our own login', async () => {
    const path = '/admin/queues/api/queues';
    const json = { accept: 'application/json' };
    const anonymous = new Client(test.url);
    expect((await anonymous.request('GET', path, undefined, json)).status).toBe(401);
    const reporter = await createPerson(test.url, admin, 'board-reporter', null, ['est_member']);
    expect((await reporter.client.request('GET', path, undefined, json)).status).toBe(403);
    const board = await admin.request('GET', path, undefined, json);
    expect(board.status).toBe(200);
    // Every kind the application runs, whichever feature registered it.
    const names = JSON.stringify(board.body);
    for (const kind of [
      'publish-lagesbild',
      'send-reminders',
      'send-email',
      'publish-atgardsplan',
      'atgarder-reminders',
      'remind-action',
      'gallring',
    ])
      expect(names).toContain(kind);
  });

  it('reports queue health for /health/ready', async () => {
    const health = await test.app.get(QueryBus).execute(new QueueHealthQuery());
    expect(health).toMatchObject({ status: 'up', backend: 'bullmq' });
  });
});
