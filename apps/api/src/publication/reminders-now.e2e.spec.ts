import type { SqlDatabase } from '@laget/event-store';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeWith } from '../../../../test/support/services.js';
import {
  ADMIN_NEW_PASSWORD,
  adminClient,
  createOrganisation,
  createPerson,
  type Person,
} from '../identity/test/people.js';
import { Client } from '../identity/test/http-client.js';
import { FixedClock } from '../platform/commands/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE, READ_DB } from '../platform/platform.tokens.js';
import { SEND_REMINDERS_NOW } from './reminders-now.job.js';

const PERIOD = '2024-W48';
const path = `/api/periods/${PERIOD}/reminders`;

/** Polls until `check` stops throwing: e-mails go out through two jobs after the answer. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// In-process jobs and the outbox (no SMTP_URL): the e-mails land in this suite's own database.
describeWith(['postgres'], 'POST /api/periods/:period/reminders (remind now)', () => {
  let test: TestApp;
  let jobs: JobQueue;
  let db: SqlDatabase;
  let admin: Client;
  let coordinator: Person;
  const people: Record<string, Person> = {};
  const orgs: Record<string, string> = {};
  // Monday of week 49, 2024, 10:00 in Stockholm: week 48's deadline (09:00) has just passed.
  const monday = new Date('2024-12-02T10:00:00+01:00');
  // The organisations are registered before week 48 (a week only expects those registered by its deadline).
  const clock = new FixedClock(new Date('2024-11-18T10:00:00+01:00'));

  const outbox = async () =>
    (await db.query<{ recipient: string; email_id: string }>('SELECT recipient, email_id FROM outbox')).rows;

  beforeAll(async () => {
    test = await startTestApp({ clock });
    jobs = test.app.get(JOB_QUEUE);
    db = test.app.get(READ_DB);
    admin = await adminClient(test.url);
    for (const [name, kind] of [
      ['Skolan', 'school'],
      ['NVK', 'other'],
      ['Fritid', 'other'],
    ] as const)
      orgs[name] = await createOrganisation(admin, name, kind);
    // Twelve days on, the admin's session has long ended: log in again.
    clock.set(monday);
    admin = new Client(test.url);
    expect((await admin.login('admin', ADMIN_NEW_PASSWORD)).status).toBe(200);
    // One reporter with an e-mail address per organisation; NVK reports, the other two do not.
    for (const [username, org] of [
      ['rektor', 'Skolan'],
      ['nvk-rapportor', 'NVK'],
      ['fritidsledare', 'Fritid'],
    ] as const) {
      people[username] = await createPerson(test.url, admin, username, orgs[org]!, ['reporter']);
      const patched = await admin.patch(`/api/users/${people[username]!.id}`, {
        email: `${username}@kommun.example`,
      });
      expect(patched.status).toBe(200);
    }
    for (const role of ['est_member', 'reviewer'])
      people[role] = await createPerson(test.url, admin, `${role}-person`, orgs.Skolan!, [role]);
    coordinator = await createPerson(test.url, admin, 'samordnare', null, ['coordinator']);

    const nvk = people['nvk-rapportor']!.client;
    const opened = await nvk.post('/api/reports', { period: PERIOD, organisationId: orgs.NVK });
    expect(opened.status).toBe(201);
    const narrated = await nvk.patch(
      `/api/reports/${opened.body.id}`,
      { narrative: 'Lugnt just nu.' },
      { 'if-match': String(opened.body.version) },
    );
    const submitted = await nvk.post(
      `/api/reports/${opened.body.id}/submit`,
      {},
      { 'if-match': String(narrated.body.version) },
    );
    expect(submitted.status).toBe(200);
  });

  afterAll(async () => {
    await test?.close();
  });

  it('is the coordinator’s alone: 401 without a login, 403 for every other role', async () => {
    expect((await new Client(test.url).post(path, {})).status).toBe(401);
    for (const [who, client] of [
      ['reporter', people.rektor!.client],
      ['est_member', people.est_member!.client],
      ['reviewer', people.reviewer!.client],
      ['admin', admin],
    ] as const) {
      const answer = await client.post(path, {});
      expect({ who, status: answer.status }).toEqual({ who, status: 403 });
    }
    expect(await outbox()).toEqual([]);
  });

  it('names the bad field (400) and refuses unknown organisations and weeks not begun (422)', async () => {
    const badPeriod = await coordinator.client.post('/api/periods/v48/reminders', {});
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.details).toEqual([expect.objectContaining({ field: 'params.period' })]);
    const badIds = await coordinator.client.post(path, { organisationIds: 'Skolan' });
    expect(badIds.status).toBe(400);
    expect(badIds.body.details).toEqual([expect.objectContaining({ field: 'body.organisationIds' })]);
    const unknown = await coordinator.client.post(path, { organisationIds: [orgs.Skolan, 'no-such-org'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details).toMatchObject({ field: 'organisationIds', unknown: ['no-such-org'] });
    expect((await coordinator.client.post('/api/periods/2024-W51/reminders', {})).status).toBe(422);
    const everyoneReported = await coordinator.client.post(path, { organisationIds: [orgs.NVK] });
    expect(everyoneReported.status).toBe(422);
  });

  it('202: reminds every organisation that has not reported once, however often the key is sent', async () => {
    const key = { 'idempotency-key': 'remind-w48-monday' };
    const first = await coordinator.client.post(path, {}, key);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({
      period: PERIOD,
      requested: 2,
      organisationIds: expect.arrayContaining([orgs.Skolan, orgs.Fritid]),
      alreadyReported: [],
      unreachable: [],
      jobId: expect.stringMatching(/^send-reminders-now-/),
    });
    const again = await coordinator.client.post(path, {}, key);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    const job = await jobs.waitUntilSettled(first.body.jobId, 20_000);
    expect(job).toMatchObject({
      state: 'completed',
      result: { period: PERIOD, requested: 2, alreadyRequested: 0, unreachable: [] },
    });
    const sent = await eventually(async () => {
      const rows = await outbox();
      expect(rows).toHaveLength(2);
      return rows;
    });
    expect(sent.map((row) => row.recipient).sort()).toEqual([
      'fritidsledare@kommun.example',
      'rektor@kommun.example',
    ]);

    // The audit log shows the one request, by the coordinator.
    const audit = await coordinator.client.get(`/api/audit?stream=reminders-${PERIOD}`);
    expect(audit.status).toBe(200);
    expect(audit.body).toEqual([
      expect.objectContaining({ type: 'RemindersRequested', actorId: coordinator.id }),
    ]);

    // The job run again (a retry, a second worker): the e-mail ids are the request's, nothing new.
    const payload = {
      period: PERIOD,
      requestId: first.body.jobId.replace(/^send-reminders-now-/, ''),
      organisationIds: first.body.organisationIds.join(','),
    };
    await jobs.enqueue(SEND_REMINDERS_NOW, 'send-reminders-now-test-retry', payload);
    const retried = await jobs.waitUntilSettled('send-reminders-now-test-retry', 20_000);
    expect(retried.result).toMatchObject({ requested: 0, alreadyRequested: 2 });
    expect(await outbox()).toHaveLength(2);
  });

  it('with names, reminds those of them that have not reported and says which had', async () => {
    const answer = await coordinator.client.post(path, { organisationIds: [orgs.Skolan, orgs.NVK] });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      requested: 1,
      organisationIds: [orgs.Skolan],
      alreadyReported: [orgs.NVK],
    });
    await jobs.waitUntilSettled(answer.body.jobId, 20_000);
    // A new request is a new reminder: the school's reporter gets a second e-mail, nobody else.
    const rows = await eventually(async () => {
      const all = await outbox();
      expect(all).toHaveLength(3);
      return all;
    });
    expect(rows.filter((row) => row.recipient === 'rektor@kommun.example')).toHaveLength(2);
  });

  it('names those a reminder reaches nobody at: no active reporter with an e-mail address', async () => {
    const fritid = people.fritidsledare!;
    const current = await admin.get(`/api/users/${fritid.id}`);
    const cleared = await admin.patch(
      `/api/users/${fritid.id}`,
      { email: null },
      { 'if-match': String(current.body.version) },
    );
    expect(cleared.status).toBe(200);
    const answer = await coordinator.client.post(path, { organisationIds: [orgs.Skolan, orgs.Fritid] });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ requested: 2, unreachable: [orgs.Fritid] });
    const job = await jobs.waitUntilSettled(answer.body.jobId, 20_000);
    expect(job.result).toMatchObject({ unreachable: [orgs.Fritid] });
  });
});
