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
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { reportSchema, reportSummarySchema } from '@laget/contracts';
import {
  addIncidentRequestSchema,
  editIncidentRequestSchema,
  editReportRequestSchema,
  openReportRequestSchema,
  reopenReportRequestSchema,
  submitReportRequestSchema,
  withdrawIncidentRequestSchema,
  withdrawReportRequestSchema,
  type ReportView,
} from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import {
  AddIncidentCommand,
  EditIncidentCommand,
  EditReportCommand,
  OpenReportCommand,
  ReopenReportCommand,
  SubmitReportCommand,
  WithdrawIncidentCommand,
  WithdrawReportCommand,
} from './commands/index.js';
import { GetReportQuery, ListReportsQuery } from './queries/index.js';

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(50),
};

const listQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-W\d{2}$/)
    .optional(),
  organisationId: z.string().max(100).optional(),
  status: z.enum(['draft', 'submitted', 'amended', 'withdrawn']).optional(),
  ...pageQuery,
  // react-admin sends its own default (`id`); an unknown sort field is ignored rather than refused.
  sort: z.string().max(50).optional(),
  order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
});

const SORTABLE = ['id', 'period', 'organisationId', 'status', 'submittedAt'] as const;
type Sortable = (typeof SORTABLE)[number];

/** Route ids are opaque to clients; anything unreasonable is simply not found. */
const routeId = z.string().max(200);

/** Reports of organisations for periods (CONTRACT.md, "reports"): thin: parse, dispatch, map. */
@ApiCapability('reports')
@Controller('api/reports')
@UseInterceptors(IdempotencyInterceptor)
export class ReportsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Reports the caller may see; filters: period, organisationId, status',
    query: listQuery,
    response: z.array(reportSummarySchema),
    paged: true,
  })
  async list(
    @CurrentCaller() caller: SignedInCaller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const { period, organisationId, status, page, perPage, sort, order } = parseInput(
      listQuery,
      query,
      'query',
    );
    const result = await this.queryBus.execute(
      new ListReportsQuery(
        caller,
        {
          ...(period ? { period } : {}),
          ...(organisationId ? { organisationId } : {}),
          ...(status ? { status } : {}),
        },
        { page, perPage },
        sort && SORTABLE.includes(sort as Sortable)
          ? { field: sort as Sortable, order: order?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC' }
          : undefined,
      ),
    );
    response.header('X-Total-Count', String(result.total));
    return result.items;
  }

  @Post()
  @ApiOperation({
    summary: 'Open the organisation’s report for a week (one per organisation and week)',
    body: openReportRequestSchema,
    response: reportSchema,
    etag: true,
    errors: [409, 422],
  })
  async open(
    @CurrentCaller() caller: SignedInCaller,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return withVersion(
      response,
      await this.commandBus.execute(new OpenReportCommand(caller, parseInput(openReportRequestSchema, body))),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'A report with its incidents', response: reportSchema, etag: true })
  async get(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return withVersion(
      response,
      await this.queryBus.execute(new GetReportQuery(caller, parseInput(routeId, id, 'params'))),
    );
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit the report’s attendance, narrative or police statistics',
    body: editReportRequestSchema,
    response: reportSchema,
    etag: true,
    errors: [422],
  })
  async edit(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const request = parseInput(editReportRequestSchema, body);
    const report = await this.commandBus.execute(
      new EditReportCommand(caller, id, request, expectedVersionOf(ifMatch, body)),
    );
    return withVersion(response, report);
  }

  @Post(':id/incidents')
  @ApiOperation({
    summary: 'Add an incident',
    body: addIncidentRequestSchema,
    response: reportSchema,
    errors: [422],
  })
  async addIncident(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const request = parseInput(addIncidentRequestSchema, body);
    return this.commandBus.execute(
      new AddIncidentCommand(caller, id, request, expectedVersionOf(ifMatch, body)),
    );
  }

  @Patch(':id/incidents/:incidentId')
  @ApiOperation({
    summary: 'Edit an incident',
    body: editIncidentRequestSchema,
    response: reportSchema,
    errors: [422],
  })
  async editIncident(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('incidentId') incidentId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const request = parseInput(editIncidentRequestSchema, body);
    return this.commandBus.execute(
      new EditIncidentCommand(caller, id, incidentId, request, expectedVersionOf(ifMatch, body)),
    );
  }

  @Delete(':id/incidents/:incidentId')
  @ApiOperation({
    summary: 'Withdraw an incident',
    body: withdrawIncidentRequestSchema,
    bodyRequired: false,
    response: reportSchema,
    etag: true,
    errors: [422],
  })
  async withdrawIncident(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('incidentId') incidentId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const request = parseInput(withdrawIncidentRequestSchema, body ?? {});
    const report = await this.commandBus.execute(
      new WithdrawIncidentCommand(
        caller,
        id,
        incidentId,
        request.reason ?? null,
        expectedVersionOf(ifMatch, body),
      ),
    );
    return withVersion(response, report);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit the report (again, after an amendment)',
    body: submitReportRequestSchema,
    bodyRequired: false,
    response: reportSchema,
    etag: true,
    errors: [422],
  })
  async submit(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    parseInput(submitReportRequestSchema, body ?? {});
    return withVersion(
      response,
      await this.commandBus.execute(new SubmitReportCommand(caller, id, expectedVersionOf(ifMatch, body))),
    );
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a submitted report',
    body: withdrawReportRequestSchema,
    bodyRequired: false,
    response: reportSchema,
    etag: true,
    errors: [422],
  })
  async withdraw(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const request = parseInput(withdrawReportRequestSchema, body ?? {});
    const report = await this.commandBus.execute(
      new WithdrawReportCommand(caller, id, request.reason ?? null, expectedVersionOf(ifMatch, body)),
    );
    return withVersion(response, report);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a compiled report for changes (coordinator)',
    body: reopenReportRequestSchema,
    response: reportSchema,
    etag: true,
    errors: [422],
  })
  async reopen(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const request = parseInput(reopenReportRequestSchema, body);
    const report = await this.commandBus.execute(
      new ReopenReportCommand(caller, id, request.reason, expectedVersionOf(ifMatch, body)),
    );
    return withVersion(response, report);
  }
}

/** The version doubles as an ETag, so a client can send it straight back as If-Match. */
function withVersion(response: FastifyReply, report: ReportView): ReportView {
  response.header('ETag', `"${report.version}"`);
  return report;
}
