import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  createProblemRequestSchema,
  editProblemRequestSchema,
  linkIncidentRequestSchema,
  PROBLEM_STATUSES,
  problemIncidentSchema,
  problemSchema,
  type ProblemView,
} from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import {
  type Comparator,
  inMemoryPageQuery,
  pageInMemory,
  swedishOrder,
} from '../platform/http/in-memory-page.js';
import { parseInput } from '../platform/http/validation.js';
import { EditProblemCommand, LinkIncidentCommand, OpenProblemCommand } from './commands/index.js';
import { GetProblemQuery, ListProblemsQuery, ProblemIncidentsQuery } from './queries/index.js';

const problemListQuery = inMemoryPageQuery.extend({
  status: z.enum(PROBLEM_STATUSES).optional(),
  category: z.string().max(60).optional(),
});

const problemOrder: Record<string, Comparator<ProblemView>> = {
  title: (a, b) => swedishOrder(a.title, b.title),
  category: (a, b) => swedishOrder(a.category, b.category) || swedishOrder(a.title, b.title),
  status: (a, b) => swedishOrder(a.status, b.status) || swedishOrder(a.title, b.title),
};

const idParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);

/** Problems the EST group works on (issue 19): the coordinator keeps them; the EST group reads them. */
@ApiCapability('atgarder')
@Controller('api/problems')
@UseInterceptors(IdempotencyInterceptor)
export class ProblemsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The problems, by status and category (coordinator, est_member)',
    query: problemListQuery,
    response: z.array(problemSchema),
    paged: true,
  })
  async list(
    @CurrentCaller() caller: SignedInCaller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const { page, perPage, sort, order, ...filter } = parseInput(problemListQuery, query, 'query');
    const problems = await this.queryBus.execute(new ListProblemsQuery(caller, filter));
    const shown = pageInMemory(problems, { page, perPage, sort, order }, problemOrder);
    response.header('X-Total-Count', String(shown.total));
    return shown.items;
  }

  @Post()
  @ApiOperation({
    summary: 'Open a problem (coordinator)',
    body: createProblemRequestSchema,
    response: problemSchema,
  })
  async create(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown) {
    return this.commandBus.execute(
      new OpenProblemCommand(caller, parseInput(createProblemRequestSchema, body)),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One problem', params: z.object({ id: idParam }), response: problemSchema })
  async get(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    return this.queryBus.execute(new GetProblemQuery(caller, id));
  }

  @Get(':id/incidents')
  @ApiOperation({
    summary:
      'A problem’s linked incidents across weeks, and suggestions (same place and category, last 8 weeks)',
    params: z.object({ id: idParam }),
    response: z.object({ linked: z.array(problemIncidentSchema), suggested: z.array(problemIncidentSchema) }),
  })
  async incidents(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    return this.queryBus.execute(new ProblemIncidentsQuery(caller, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a problem: title, category, places, description, status (coordinator)',
    params: z.object({ id: idParam }),
    body: editProblemRequestSchema,
    response: problemSchema,
    errors: [409],
  })
  async edit(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const request = parseInput(editProblemRequestSchema, body);
    return this.commandBus.execute(
      new EditProblemCommand(caller, id, request, expectedVersionOf(ifMatch, body)),
    );
  }

  @Post(':id/incidents')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Link an incident of any week to the problem (coordinator)',
    params: z.object({ id: idParam }),
    body: linkIncidentRequestSchema,
    response: problemSchema,
    errors: [422],
  })
  async link(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string, @Body() body: unknown) {
    const { incidentId } = parseInput(linkIncidentRequestSchema, body);
    return this.commandBus.execute(new LinkIncidentCommand(caller, id, incidentId, true));
  }

  @Delete(':id/incidents/:incidentId')
  @ApiOperation({
    summary: 'Unlink an incident from the problem (coordinator)',
    params: z.object({ id: idParam, incidentId: idParam }),
    response: problemSchema,
  })
  async unlink(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('incidentId') incidentId: string,
  ) {
    return this.commandBus.execute(new LinkIncidentCommand(caller, id, incidentId, false));
  }
}
