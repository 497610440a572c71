import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeWith } from '../../../../test/support/services.js';
import { adminClient, createOrganisation, createPerson } from '../identity/test/people.js';
import type { Client } from '../identity/test/http-client.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';

const backends = [
  { name: 'in-process jobs', services: ['postgres'] as const, redis: false },
  { name: 'BullMQ', services: ['postgres', 'redis'] as const, redis: true },
];

for (const backend of backends) {
  describeWith([...backend.services], `GET /api/jobs?state=failed (${backend.name})`, () => {
    let test: TestApp;
    let jobs: JobQueue;
    let admin: Client;
    let coordinator: Client;
    let reporter: Client;
    const failedIds: string[] = [];

    beforeAll(async () => {
      test = await startTestApp({ redis: backend.redis });
      jobs = test.app.get(JOB_QUEUE);
      admin = await adminClient(test.url);
      const organisationId = await createOrganisation(admin, 'Skolan');
      coordinator = (await createPerson(test.url, admin, 'samordnare', null, ['coordinator'])).client;
      reporter = (await createPerson(test.url, admin, 'rapportor', organisationId, ['reporter'])).client;

      // A processor that really throws, run by the app's own queue until its attempts are used up.
      jobs.registerProcessor<{ period: string }>('always-fails', async (job) => {
        throw new Error(`Kunde inte publicera ${job.payload.period}`);
      });
      for (const period of ['2024-W47', '2024-W48']) {
        const id = `always-fails-${randomUUID()}`;
        await jobs.enqueue('always-fails', id, { period }, { attempts: 2, backoffMs: 10 });
        expect((await jobs.waitUntilSettled(id, 20_000)).state).toBe('failed');
        failedIds.unshift(id);
        // Failure times a millisecond apart could tie; the order is what is tested.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });

    afterAll(async () => {
      await test?.close();
    });

    it('lists the failed jobs newest first for the coordinator, with the total in X-Total-Count', async () => {
      const answer = await coordinator.get('/api/jobs?state=failed&page=1&perPage=25');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-total-count')).toBe('2');
      expect(answer.body).toEqual([
        {
          id: failedIds[0],
          kind: 'always-fails',
          state: 'failed',
          attempts: 2,
          error: 'Kunde inte publicera 2024-W48',
          payload: { period: '2024-W48' },
          updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
        expect.objectContaining({ id: failedIds[1], payload: { period: '2024-W47' } }),
      ]);
    });

    it('pages with page and perPage, and lets the admin read the list too', async () => {
      const second = await admin.get('/api/jobs?state=failed&page=2&perPage=1');
      expect(second.status).toBe(200);
      expect(second.headers.get('x-total-count')).toBe('2');
      expect(second.body.map((job: { id: string }) => job.id)).toEqual([failedIds[1]]);
      const none = await admin.get('/api/jobs?state=running');
      expect([none.status, none.body, none.headers.get('x-total-count')]).toEqual([200, [], '0']);
    });

    it('refuses a reporter with 403', async () => {
      const answer = await reporter.get('/api/jobs?state=failed');
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    });

    it('answers 400 naming the field for a state or page that is not one', async () => {
      const missing = await coordinator.get('/api/jobs');
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual([expect.objectContaining({ field: 'query.state' })]);
      const wrong = await coordinator.get('/api/jobs?state=broken&perPage=1000');
      expect(wrong.status).toBe(400);
      expect(wrong.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'query.perPage',
        'query.state',
      ]);
    });
  });
}
