import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AppAbility, asSubject } from '@laget/permissions';
import { CurrentAbility } from '../identity/decorators.js';
import { apiError } from '../platform/http/api-error.js';
import type { JobQueue, JobView } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';

/** `GET /api/jobs/:id`: how a publication (or any other job) is doing, for coordinator and admin. */
@ApiTags('jobs')
@Controller('api/jobs')
export class JobsController {
  constructor(@Inject(JOB_QUEUE) private readonly jobs: JobQueue) {}

  @Get(':id')
  @ApiOperation({
    summary: 'A job: {id, kind, state: queued/running/completed/failed, attempts, result?, error?}',
  })
  async get(@Param('id') id: string, @CurrentAbility() ability: AppAbility): Promise<JobView> {
    if (!ability.can('read', asSubject('Job', { id }))) {
      throw new ForbiddenException(apiError(403, 'Du får inte se jobb (not allowed to read jobs)'));
    }
    const job = /^[\w.-]{1,200}$/.test(id) && !/^\d+$/.test(id) ? await this.jobs.getJob(id) : null;
    if (!job) throw new NotFoundException(apiError(404, `Inget jobb ${id} (no such job)`));
    return job;
  }
}
