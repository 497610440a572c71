import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { type SqlDatabase, SqlEventStore } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { describeWith, testRedisUrl } from '../../../../../../test/support/services.js';
import { SystemClock } from '../../commands/clock.js';
import { CommandRunner } from '../../commands/command-runner.js';
import type { RequestContext } from '../../commands/request-context.js';
import { ProjectionRunner } from '../../projections/projection-runner.js';
import { BullmqJobQueue } from '../bullmq-job-queue.js';
import { InProcessJobQueue } from '../in-process-job-queue.js';
import { type JobQueue, jobIdFor } from '../job-queue.js';
import { reactorProjection } from '../reactor.js';
import { emailStreamId } from './email.decider.js';
import { type EmailTransport, OutboxEmailTransport, SmtpEmailTransport } from './email-transport.js';
import { SEND_EMAIL, emailReactor, registerSendEmail, requestEmail } from './send-email.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port; addresses starting with "avvisad" are refused for good. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('avvisad')) {
        const refusal = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(refusal);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const coordinator: RequestContext = {
  actorId: 'u-samordnare',
  organisationId: 'org-kommunen',
  correlationId: randomUUID(),
};

interface Backend {
  name: string;
  services: Array<'redis'>;
  open(db: SqlDatabase): Promise<{ queue: JobQueue; close(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'in-process',
    services: [],
    open: async (db) => {
      const queue = await InProcessJobQueue.open({ db, logger: quiet });
      return { queue, close: () => queue.close() };
    },
  },
  {
    name: 'BullMQ',
    services: ['redis'],
    open: async () => {
      const prefix = `laget-test-${randomUUID()}`;
      const queue = new BullmqJobQueue({ redisUrl: testRedisUrl, prefix, logger: quiet });
      return {
        queue,
        close: async () => {
          await queue.close();
          const redis = new Redis(testRedisUrl);
          const keys = await redis.keys(`${prefix}:*`);
          if (keys.length > 0) await redis.del(...keys);
          redis.disconnect();
        },
      };
    },
  },
];

for (const backend of backends) {
  describeWith(backend.services, `send-email end to end on the ${backend.name} queue`, () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let db: SqlDatabase;
    let store: SqlEventStore;
    let queue: JobQueue;
    let closeQueue: () => Promise<void>;
    let transport: EmailTransport;
    let runner: ProjectionRunner;
    let commands: CommandRunner;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      db = await freshPglite();
      store = new SqlEventStore(db, { pollIntervalMs: 50 });
      await store.init();
      ({ queue, close: closeQueue } = await backend.open(db));
      transport = new SmtpEmailTransport(smtp.url);
      const clock = new SystemClock();
      commands = new CommandRunner(store, clock);
      registerSendEmail(queue, { commands, transport });
      runner = new ProjectionRunner({
        store,
        db,
        projections: [reactorProjection(emailReactor({ attempts: 2, backoffMs: 10 }), queue)],
        lockRetryMs: 50,
      });
      await runner.start();
    });
    afterAll(async () => {
      await runner.stop();
      await closeQueue();
      await transport.close();
      await store.close();
      await db.close();
      await smtp.close();
    });

    async function jobOf(emailId: string): Promise<string> {
      const [requested] = await store.readStream(emailStreamId(emailId));
      return jobIdFor(SEND_EMAIL, requested!.eventId);
    }

    const deliveriesOf = (emailId: string) =>
      smtp.received.filter((m) => m.raw.includes(`<${emailId}@laget>`));

    it('delivers a requested e-mail over SMTP and records EmailSent', async () => {
      const { emailId } = await requestEmail(
        commands,
        {
          to: 'rektor@skolan.norberg.se',
          subject: 'Påminnelse: Skolans rapport för vecka 48',
          text: 'Hej! Skolans rapport för 2024-W48 saknas ännu. Lämna den senast måndag kl. 08.00.',
          purpose: 'reminder',
        },
        coordinator,
      );
      await runner.waitUntilCaughtUp();
      const job = await queue.waitUntilSettled(await jobOf(emailId));

      expect(job).toMatchObject({ kind: SEND_EMAIL, state: 'completed', attempts: 1 });
      const deliveries = deliveriesOf(emailId);
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]!.to).toEqual(['rektor@skolan.norberg.se']);
      const events = await store.readStream(emailStreamId(emailId));
      expect(events.map((e) => e.type)).toEqual(['EmailRequested', 'EmailSent']);
      expect(events[1]!.data).toEqual({ emailId, transport: 'smtp', messageId: `<${emailId}@laget>` });
      expect(events[1]!.metadata).toMatchObject({ actorId: 'system', correlationId: job.id });
    });

    it('delivers once however often the trigger comes again', async () => {
      const { emailId } = await requestEmail(
        commands,
        {
          to: 'polisen@norberg.se',
          subject: 'Lägesbild v. 48',
          text: 'Lägesbilden är publicerad.',
          purpose: 'notice',
        },
        coordinator,
      );
      await runner.waitUntilCaughtUp();
      const jobId = await jobOf(emailId);
      await queue.waitUntilSettled(jobId);

      // The reactor replays the whole log: every job id it derives exists already.
      await runner.rebuild('reactor-email');
      await runner.waitUntilCaughtUp();
      // And a job that runs again anyway (say its record was lost) finds EmailSent and sends nothing.
      await queue.enqueue(SEND_EMAIL, `${jobId}-again`, { emailId });
      const again = await queue.waitUntilSettled(`${jobId}-again`);

      expect(again).toMatchObject({ state: 'completed', result: { alreadySent: true } });
      expect(deliveriesOf(emailId)).toHaveLength(1);
      expect((await store.readStream(emailStreamId(emailId))).map((e) => e.type)).toEqual([
        'EmailRequested',
        'EmailSent',
      ]);
    });

    it('records EmailFailed when the server refuses every attempt', async () => {
      const { emailId } = await requestEmail(
        commands,
        { to: 'avvisad@norberg.se', subject: 'Påminnelse', text: 'Rapporten saknas.', purpose: 'reminder' },
        coordinator,
      );
      await runner.waitUntilCaughtUp();
      const job = await queue.waitUntilSettled(await jobOf(emailId));

      expect(job).toMatchObject({ state: 'failed', attempts: 2 });
      expect(job.error).toMatch(/550/);
      const events = await store.readStream(emailStreamId(emailId));
      expect(events.map((e) => e.type)).toEqual(['EmailRequested', 'EmailFailed']);
      expect(events[1]!.data).toMatchObject({ emailId, attempts: 2 });
      expect(deliveriesOf(emailId)).toHaveLength(0);
    });
  });
}

describe('send-email without SMTP_URL', () => {
  it('writes the e-mail to the outbox table, once', async () => {
    const db = await freshPglite();
    const store = new SqlEventStore(db, { pollIntervalMs: 50 });
    await store.init();
    const queue = await InProcessJobQueue.open({ db, logger: quiet });
    const transport = await OutboxEmailTransport.open(db);
    const clock = new SystemClock();
    registerSendEmail(queue, { commands: new CommandRunner(store, clock), transport });
    const runner = new ProjectionRunner({
      store,
      db,
      projections: [reactorProjection(emailReactor(), queue)],
    });
    try {
      await runner.start();
      const { emailId } = await requestEmail(
        new CommandRunner(store, clock),
        {
          to: 'nvk@norberg.se',
          subject: 'Ärende: möte',
          text: 'Välkommen på månadsmöte.',
          purpose: 'notice',
        },
        coordinator,
      );
      await runner.waitUntilCaughtUp();
      const [requested] = await store.readStream(emailStreamId(emailId));
      const jobId = jobIdFor(SEND_EMAIL, requested!.eventId);
      await queue.waitUntilSettled(jobId);
      await queue.enqueue(SEND_EMAIL, `${jobId}-again`, { emailId });
      await queue.waitUntilSettled(`${jobId}-again`);

      const { rows } = await db.query(`SELECT email_id, recipient, subject, body FROM outbox`);
      expect(rows).toEqual([
        {
          email_id: emailId,
          recipient: 'nvk@norberg.se',
          subject: 'Ärende: möte',
          body: 'Välkommen på månadsmöte.',
        },
      ]);
      const events = await store.readStream(emailStreamId(emailId));
      expect(events.map((e) => e.type)).toEqual(['EmailRequested', 'EmailSent']);
      expect(events[1]!.data).toMatchObject({ transport: 'outbox' });
    } finally {
      await runner.stop();
      await queue.close();
      await store.close();
      await db.close();
    }
  });
});
