import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ACTION_STATUSES,
  actionSchema,
  type ActionView,
  addFollowUpRequestSchema,
  createActionRequestSchema,
  editActionRequestSchema,
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
import { AddFollowUpCommand, EditActionCommand, PlanActionCommand } from './commands/index.js';
import { GetActionQuery, ListActionsQuery } from './queries/index.js';

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);
const actionListQuery = inMemoryPageQuery.extend({
  problemId: id.optional(),
  ownerOrganisationId: id.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  dueOnOrBefore: z.iso.date().optional(),
});

const actionOrder: Record<string, Comparator<ActionView>> = {
  title: (a, b) => swedishOrder(a.title, b.title),
  status: (a, b) => swedishOrder(a.status, b.status) || swedishOrder(a.title, b.title),
  startsOn: (a, b) => a.startsOn.localeCompare(b.startsOn) || swedishOrder(a.title, b.title),
  dueOn: (a, b) => a.dueOn.localeCompare(b.dueOn) || swedishOrder(a.title, b.title),
  ownerOrganisationId: (a, b) =>
    swedishOrder(a.ownerOrganisationId, b.ownerOrganisationId) || swedishOrder(a.title, b.title),
};

/** Actions (åtgärder) against problems, with follow-ups (issue 19). */
@ApiCapability('atgarder')
@Controller('api/actions')
@UseInterceptors(IdempotencyInterceptor)
export class ActionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The actions the caller may read (a reporter: its own organisation’s), by problem, owner, status, due date',
    query: actionListQuery,
    response: z.array(actionSchema),
    paged: true,
  })
  async list(
    @CurrentCaller() caller: SignedInCaller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const { page, perPage, sort, order, ...filter } = parseInput(actionListQuery, query, 'query');
    const actions = await this.queryBus.execute(new ListActionsQuery(caller, filter));
    const shown = pageInMemory(actions, { page, perPage, sort, order }, actionOrder);
    response.header('X-Total-Count', String(shown.total));
    return shown.items;
  }

  @Post()
  @ApiOperation({
    summary: 'Plan an action (coordinator; a reporter for its own organisation, not public)',
    body: createActionRequestSchema,
    response: actionSchema,
    errors: [422],
  })
  async create(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown) {
    return this.commandBus.execute(
      new PlanActionCommand(caller, parseInput(createActionRequestSchema, body)),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One action with its follow-ups',
    params: z.object({ id }),
    response: actionSchema,
  })
  async get(@CurrentCaller() caller: SignedInCaller, @Param('id') actionId: string) {
    return this.queryBus.execute(new GetActionQuery(caller, actionId));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an action (coordinator; the owner organisation’s reporters, never owner or publicity)',
    params: z.object({ id }),
    body: editActionRequestSchema,
    response: actionSchema,
    errors: [409, 422],
  })
  async edit(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') actionId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const request = parseInput(editActionRequestSchema, body);
    return this.commandBus.execute(
      new EditActionCommand(caller, actionId, request, expectedVersionOf(ifMatch, body)),
    );
  }

  @Post(':id/follow-ups')
  @ApiOperation({
    summary: 'Add a follow-up: a dated note on the effect (better, unchanged, worse)',
    params: z.object({ id }),
    body: addFollowUpRequestSchema,
    response: actionSchema,
    errors: [422],
  })
  async followUp(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') actionId: string,
    @Body() body: unknown,
  ) {
    return this.commandBus.execute(
      new AddFollowUpCommand(caller, actionId, parseInput(addFollowUpRequestSchema, body)),
    );
  }
}
