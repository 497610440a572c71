import { Logger } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import type { AppConfig } from '../config/app-config.js';
import { BullmqJobQueue } from './jobs/bullmq-job-queue.js';
import { InProcessJobQueue } from './jobs/in-process-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';

/** BullMQ on Redis where REDIS_URL is set; otherwise the in-process queue in the read database. */
export async function openJobQueue(config: AppConfig, db: SqlDatabase): Promise<JobQueue> {
  const nest = new Logger('jobs');
  const logger = {
    log: (message: string) => nest.log(message),
    warn: (message: string) => nest.warn(message),
    error: (message: string, detail?: unknown) => nest.error(message, detail),
  };
  if (config.redisUrl) {
    return new BullmqJobQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix, logger });
  }
  return InProcessJobQueue.open({ db, logger });
}
