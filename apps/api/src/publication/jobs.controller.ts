import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { jobSchema, jobSummarySchema, listQuerySchema } from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { DomainError } from '../platform/domain/domain-error.js';
import { parseInput } from '../platform/http/validation.js';
import type { JobState, JobSummary, JobView } from '../platform/jobs/job-queue.js';
import { GetJobQuery, ListJobsQuery } from './queries/index.js';

const perPageProblem = 'perPage ska vara ett heltal 1–100 (must be a whole number from 1 to 100)';
const jobStates = ['queued', 'running', 'completed', 'failed'] as const satisfies readonly JobState[];

// `sort` and `order` are accepted as on every list, but jobs always come newest first: across
// BullMQ's per-kind queues that is the one order that can be merged without reading them whole.
const jobListQuery = listQuerySchema.extend({
  // A page of jobs is read from every kind's queue at once: a lower cap than other lists.
  perPage: z.coerce
    .number({ error: perPageProblem })
    .int({ error: perPageProblem })
    .min(1, { error: perPageProblem })
    .max(100, { error: perPageProblem })
    .default(25),
  state: z.enum(jobStates, {
    error: `state ska vara en av ${jobStates.join(', ')} (must be one of them)`,
  }),
});

/** `GET /api/jobs/:id`: how a publication (or any other job) is doing, for coordinator and admin. */
@ApiCapability('jobs')
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Jobs in one state, the most recently changed first: ?state=failed&page=&perPage= (X-Total-Count); each also names its payload and updatedAt',
    query: jobListQuery,
    response: z.array(jobSummarySchema),
    paged: true,
  })
  async list(
    @Query() query: unknown,
    @CurrentCaller() caller: SignedInCaller,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<JobSummary[]> {
    if (!caller.ability.can('read', 'Job')) throw forbidden();
    const { state, page, perPage } = parseInput(jobListQuery, query, 'query');
    const { items, total } = await this.queryBus.execute(
      new ListJobsQuery({ state, offset: (page - 1) * perPage, limit: perPage }),
    );
    response.header('X-Total-Count', String(total));
    return items;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A job: {id, kind, state: queued/running/completed/failed, attempts, result?, error?}',
    response: jobSchema,
  })
  async get(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller): Promise<JobView> {
    if (!caller.ability.can('read', asSubject('Job', { id }))) throw forbidden();
    return this.queryBus.execute(new GetJobQuery(id));
  }
}

function forbidden(): DomainError {
  return new DomainError('forbidden', 'Du får inte se jobb (not allowed to read jobs)');
}
