import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  approvePlanRequestSchema,
  atgardsplanSchema,
  createPlanRequestSchema,
  PLAN_VIEWS,
  publishPlanRequestSchema,
  retractPlanRequestSchema,
} from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../../identity/index.js';
import { ApiCapability, ApiOperation } from '../../platform/http/api-operation.js';
import { Public } from '../../platform/http/public.decorator.js';
import { parseInput } from '../../platform/http/validation.js';
import {
  ApprovePlanCommand,
  CompilePlanCommand,
  PublishPlanCommand,
  RetractPlanCommand,
} from './plan.commands.js';
import { GetPlanQuery, type PlanFormat, PublicPlanQuery } from './plan.queries.js';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const viewQuery = z.object({ view: z.enum(PLAN_VIEWS).default('internal') });

/** The yearly åtgärdsplan (issue 19, point 4): compile, read, approve, publish, correct, retract. */
@ApiCapability('atgarder')
@Controller('api/atgardsplaner')
export class PlansController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Compile the year’s åtgärdsplan from the active problems (coordinator); after a publication, the correction to approve and publish',
    body: createPlanRequestSchema,
    response: atgardsplanSchema,
    errors: [409, 422],
  })
  async compile(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown) {
    const { year } = parseInput(createPlanRequestSchema, body);
    return this.commandBus.execute(new CompilePlanCommand(caller, year));
  }

  @Get(':year')
  @ApiOperation({
    summary:
      'One view of the åtgärdsplan (internal: coordinator, reviewer, est_member; open: coordinator, reviewer)',
    params: yearParam,
    query: viewQuery,
    response: atgardsplanSchema,
  })
  async get(@CurrentCaller() caller: SignedInCaller, @Param() params: unknown, @Query() query: unknown) {
    const { year } = parseInput(yearParam, params, 'params');
    const { view } = parseInput(viewQuery, query, 'query');
    return this.queryBus.execute(new GetPlanQuery(caller, year, view));
  }

  @Post(':year/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve the open version as it stands, or as read (`contentHash`) (coordinator; a reviewer where four-eyes is on, and then not whoever compiled it)',
    params: yearParam,
    body: approvePlanRequestSchema,
    bodyRequired: false,
    response: atgardsplanSchema,
    errors: [409, 422],
  })
  async approve(@CurrentCaller() caller: SignedInCaller, @Param() params: unknown, @Body() body: unknown) {
    const { year } = parseInput(yearParam, params, 'params');
    const { contentHash } = parseInput(approvePlanRequestSchema, body ?? {});
    return this.commandBus.execute(new ApprovePlanCommand(caller, year, contentHash));
  }

  @Post(':year/publish')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Publish the approved revision: page, JSON, tagged PDF and a feed entry (coordinator); 202 {jobId}. After a first publication `correction` {what, why} is required',
    params: yearParam,
    body: publishPlanRequestSchema,
    bodyRequired: false,
    response: z.object({ jobId: z.string() }),
    errors: [409, 422],
  })
  async publish(@CurrentCaller() caller: SignedInCaller, @Param() params: unknown, @Body() body: unknown) {
    const { year } = parseInput(yearParam, params, 'params');
    const { correction } = parseInput(publishPlanRequestSchema, body ?? {});
    const { jobId } = await this.commandBus.execute(new PublishPlanCommand(caller, year, correction));
    return { jobId };
  }

  @Post(':year/retract')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Take the published åtgärdsplan off the public site, page, JSON, PDF and feed (coordinator); the reason is recorded, never public',
    params: yearParam,
    body: retractPlanRequestSchema,
    response: atgardsplanSchema,
    errors: [409],
  })
  async retract(@CurrentCaller() caller: SignedInCaller, @Param() params: unknown, @Body() body: unknown) {
    const { year } = parseInput(yearParam, params, 'params');
    const { reason } = parseInput(retractPlanRequestSchema, body);
    return this.commandBus.execute(new RetractPlanCommand(caller, year, reason));
  }
}

const PLAN_FILE = /^(\d{4})(?:\.(json|pdf))?$/;

/** The published åtgärdsplan on the public site, no login; anything else is 404. */
@ApiCapability('public')
@Public()
@Controller('public/atgardsplaner')
export class PublicPlansController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':file')
  @ApiOperation({
    summary: 'The published åtgärdsplan as HTML, JSON or tagged PDF (by extension)',
    params: z.object({ file: z.string().meta({ description: '`2026`, `2026.json` or `2026.pdf`' }) }),
    response: atgardsplanSchema,
    produces: { 'text/html': undefined, 'application/pdf': undefined },
  })
  async file(@Param('file') file: string, @Res() res: FastifyReply) {
    const match = PLAN_FILE.exec(file);
    const found = match
      ? await this.queryBus.execute(new PublicPlanQuery(Number(match[1]), (match[2] ?? 'html') as PlanFormat))
      : null;
    if (!found) {
      res
        .status(404)
        .type('application/json')
        .send({ statusCode: 404, error: 'Not Found', message: 'Åtgärdsplanen är inte publicerad' });
      return;
    }
    res.header('Cache-Control', 'public, max-age=60, must-revalidate');
    res.type(found.contentType).status(200).send(found.body);
  }
}
