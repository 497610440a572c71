import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../platform/domain/domain-error.js';
import type { JobList, JobListQuery, JobQueue, JobView } from '../../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../../platform/platform.tokens.js';

/** Jobs in one state, the most recently changed first, a page of them (`GET /api/jobs`). */
export class ListJobsQuery extends Query<JobList> {
  constructor(readonly filter: JobListQuery) {
    super();
  }
}

@QueryHandler(ListJobsQuery)
export class ListJobsHandler implements IQueryHandler<ListJobsQuery> {
  constructor(@Inject(JOB_QUEUE) private readonly jobs: JobQueue) {}

  execute({ filter }: ListJobsQuery): Promise<JobList> {
    return this.jobs.listJobs(filter);
  }
}

/** One job by id (`GET /api/jobs/:id`); a `not_found` DomainError when there is none. */
export class GetJobQuery extends Query<JobView> {
  constructor(readonly id: string) {
    super();
  }
}

@QueryHandler(GetJobQuery)
export class GetJobHandler implements IQueryHandler<GetJobQuery> {
  constructor(@Inject(JOB_QUEUE) private readonly jobs: JobQueue) {}

  async execute({ id }: GetJobQuery): Promise<JobView> {
    // An id no job can have (BullMQ's rules, platform/jobs/job-queue.ts) is not looked up.
    const job = /^[\w.-]{1,200}$/.test(id) && !/^\d+$/.test(id) ? await this.jobs.getJob(id) : null;
    if (!job) throw new DomainError('not_found', `Inget jobb ${id} (no such job)`);
    return job;
  }
}
