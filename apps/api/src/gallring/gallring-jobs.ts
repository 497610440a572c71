import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../platform/commands/clock.js';
import { systemContext } from '../platform/commands/request-context.js';
import { redisConnection } from '../platform/jobs/bullmq-job-queue.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { PROJECTIONS_TO_RUN, type ProjectionsToRun } from '../platform/projections.service.js';
import { STOCKHOLM } from '../reporting/period.js';
import { RunGallringCommand } from './commands/run-gallring.command.js';
import { GALLRING_CRON, GALLRING_JOB, nextGallringRun } from './gallring-schedule.js';

const SCHEDULER_ID = 'gallring-daily';

/**
 * The daily gallring run: a BullMQ job scheduler (`upsertJobScheduler`, kept in Redis so however
 * many instances start it fires once a day) or, without Redis, a timer that enqueues the day's job
 * under an id named after the day (so instances sharing a database run it once). The job's
 * payload is empty: nothing personal passes through the queue. A maintenance process (the
 * rebuild CLI) schedules nothing.
 */
@Injectable()
export class GallringJobs implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('gallring');
  private timer: NodeJS.Timeout | null = null;
  private queue: Queue | null = null;
  private connection: ReturnType<typeof redisConnection> | null = null;
  private closed = false;

  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(PROJECTIONS_TO_RUN) private readonly toRun: ProjectionsToRun,
    private readonly commandBus: CommandBus,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.toRun !== 'all') return;
    this.jobs.registerProcessor(GALLRING_JOB, async (job) => {
      const answer = await this.commandBus.execute(new RunGallringCommand(systemContext(job.id), false));
      return { runId: answer.runId, counts: answer.counts, appendKeysPruned: answer.appendKeysPruned };
    });
    if (this.config.redisUrl) {
      const connection = (this.connection = redisConnection(this.config.redisUrl));
      this.queue = new Queue(GALLRING_JOB, { connection, prefix: this.config.queuePrefix });
      this.queue.on('error', () => undefined);
      await this.queue.upsertJobScheduler(
        SCHEDULER_ID,
        { pattern: GALLRING_CRON, tz: STOCKHOLM },
        {
          name: GALLRING_JOB,
          data: {},
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: { age: 90 * 86_400 },
          },
        },
      );
      return;
    }
    this.arm();
  }

  private arm(): void {
    if (this.closed) return;
    const at = nextGallringRun(this.clock.now());
    const delay = Math.min(Math.max(at.getTime() - this.clock.now().getTime(), 0), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      const id = `${GALLRING_JOB}-${at.toISOString().slice(0, 10)}`;
      this.jobs.enqueue(GALLRING_JOB, id, {}, { attempts: 3, backoffMs: 60_000 }).then(
        () => this.arm(),
        (error: unknown) => {
          this.logger.error(`Could not enqueue the daily gallring: ${String(error)}`);
          this.arm();
        },
      );
    }, delay);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
