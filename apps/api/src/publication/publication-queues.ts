import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../platform/commands/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { BullBoardLogin } from './bull-board-login.js';
import type { PublicationSettings } from './publication.settings.js';
import { PUBLICATION_SETTINGS } from './publication.tokens.js';
import { BULL_BOARD_PATH, bullBoardPlugin, queueHealth, type QueueHealth } from './queue-operations.js';
import { reminderSlots } from './reminder-schedule.js';
import { scheduleInProcess, scheduleWithBullmq, type ReminderScheduler } from './reminder-scheduler.js';

/**
 * The reminder schedule (BullMQ job schedulers with Redis, timers without) and, with Redis, the
 * queues Bull Board at /admin/queues and `/health/ready` look at; on shutdown stops the schedule
 * (the platform then lets running jobs finish before it closes the job queue).
 */
@Injectable()
export class PublicationQueues implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('publication');
  private scheduler: ReminderScheduler | null = null;
  private bullmq: { scheduled: Queue; redis: Redis; byKind: Map<string, Queue> } | null = null;

  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(PUBLICATION_SETTINGS) private readonly settings: PublicationSettings,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly adapterHost: HttpAdapterHost,
    private readonly login: BullBoardLogin,
  ) {}

  async onModuleInit(): Promise<void> {
    const slots = reminderSlots(this.settings.reminders);
    if (!this.config.redisUrl) {
      this.scheduler = scheduleInProcess(
        this.jobs,
        slots,
        () => this.clock.now(),
        (error) => this.logger.error(`Could not enqueue reminders: ${String(error)}`),
      );
      return;
    }
    const scheduled = await scheduleWithBullmq(this.config.redisUrl, slots, {
      prefix: this.config.queuePrefix,
    });
    this.scheduler = scheduled;
    this.bullmq = { scheduled: scheduled.queue, redis: scheduled.redis, byKind: new Map() };
    // Registered before the server listens (Nest calls app.listen after the init hooks).
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(
      bullBoardPlugin(() => this.queues(), this.login.identify),
      {
        prefix: BULL_BOARD_PATH,
      },
    );
  }

  /**
   * With Redis, the queue of every kind this process runs, whichever feature registered it
   * (åtgärder's plans and reminders, gallring, e-mail) and whenever: features register their
   * processors as they start, after this module.
   */
  private queues(): Queue[] {
    if (!this.bullmq) return [];
    const { scheduled, redis, byKind } = this.bullmq;
    for (const kind of this.jobs.registeredKinds()) {
      if (kind === scheduled.name || byKind.has(kind)) continue;
      const queue = new Queue(kind, { connection: redis, prefix: this.config.queuePrefix });
      // Reported by the workers and /health/ready while Redis is away; not an unhandled 'error'.
      queue.on('error', () => undefined);
      byKind.set(kind, queue);
    }
    return [...[...byKind.values()].sort((a, b) => a.name.localeCompare(b.name)), scheduled];
  }

  async onApplicationShutdown(): Promise<void> {
    // The scheduler's queue shares the connection, so the other queues close before it.
    for (const queue of this.bullmq?.byKind.values() ?? []) await queue.close();
    await this.scheduler?.close();
  }

  /** Queue health for `/health/ready` (QueueHealthQuery). */
  health(): Promise<QueueHealth> {
    return queueHealth(this.jobs, this.bullmq && { queues: this.queues(), redis: this.bullmq.redis });
  }
}
