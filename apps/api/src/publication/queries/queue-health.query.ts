import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PublicationQueues } from '../publication-queues.js';
import type { QueueHealth } from '../queue-operations.js';

/**
 * Whether the job queue answers (BullMQ on Redis, or in-process), for `/health/ready`; with
 * Redis also the job counts and a warning when its eviction policy could lose jobs.
 */
export class QueueHealthQuery extends Query<QueueHealth> {}

@QueryHandler(QueueHealthQuery)
export class QueueHealthHandler implements IQueryHandler<QueueHealthQuery> {
  constructor(private readonly queues: PublicationQueues) {}

  execute(): Promise<QueueHealth> {
    return this.queues.health();
  }
}
