import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describeWith, testRedisUrl } from '../../../../test/support/services.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { SHREDDED } from '../platform/crypto/value-cipher.js';
import { GALLRING_JOB } from './gallring-schedule.js';
import { DEMO_INCIDENT, type GallringScene, startGallringScene } from './testing/gallring-scene.js';

for (const redis of [false, true]) {
  describeWith(redis ? ['redis'] : [], `the daily gallring job (${redis ? 'BullMQ' : 'in-process'})`, () => {
    let scene: GallringScene;
    beforeAll(async () => {
      scene = await startGallringScene('pglite', { redis });
    }, 180_000);
    afterAll(async () => {
      await scene?.app.close();
    });

    it('gallrar a report older than its retention when the job runs, and records the run', async () => {
      const { coordinator, app } = scene;
      const compliance = (await coordinator.get('/api/periods/2024-W48')).body.compliance as {
        organisationName: string;
        reportId: string;
      }[];
      const nvk = compliance.find((entry) => entry.organisationName === 'NVK')!;
      expect(JSON.stringify((await coordinator.get(`/api/reports/${nvk.reportId}`)).body)).toContain(
        DEMO_INCIDENT,
      );
      if (redis) {
        // The schedule itself lives in Redis: one scheduler, whichever instance started first.
        const connection = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
        const queue = new Queue(GALLRING_JOB, { connection, prefix: app.config.queuePrefix });
        try {
          expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['gallring-daily']);
        } finally {
          await queue.close();
          connection.disconnect();
        }
      }
      const jobs = app.app.get<JobQueue>(JOB_QUEUE);
      await jobs.enqueue(GALLRING_JOB, 'gallring-test-run', {});
      const done = await jobs.waitUntilSettled('gallring-test-run', 120_000);
      expect(done.state).toBe('completed');
      expect((await coordinator.get(`/api/reports/${nvk.reportId}`)).body.incidents[0].problem).toBe(
        SHREDDED,
      );
      const report = await coordinator.get('/api/retention/report');
      expect(report.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ what: 'rule', kind: 'report', by: 'system' })]),
      );
    }, 180_000);
  });
}
