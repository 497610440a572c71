import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  erasureRequest,
  erasureSchema,
  type ErasureAnswer,
  retentionReportEntrySchema,
  retentionReportQuery,
  retentionRunRequest,
  retentionRunSchema,
  retentionSchema,
  type RetentionReportEntry,
  type RetentionRunAnswer,
  type RetentionView,
} from '@laget/contracts';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { forbidden } from '../identity/http-helpers.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { parseInput } from '../platform/http/validation.js';
import { ErasePersonalDataCommand } from './commands/erase-personal-data.command.js';
import { RunGallringCommand } from './commands/run-gallring.command.js';
import { RetentionQuery, RetentionReportQuery } from './queries/retention.query.js';

/** A spreadsheet must not run what a cell holds: a leading = + - @ is quoted away (OWASP CSV injection). */
const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

/** Gallring and erasure (issue 17, docs/adr/0025): the rules, a run now, an erasure, the registrar's report. */
@ApiCapability('retention')
@Controller('api')
@UseInterceptors(IdempotencyInterceptor)
export class GallringController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('retention')
  @ApiOperation({
    summary: 'The retention rules in force and the next daily run (admin, coordinator)',
    response: retentionSchema,
  })
  async rules(@CurrentCaller() caller: SignedInCaller): Promise<RetentionView> {
    if (!caller.ability.can('read', 'Retention')) throw forbidden();
    return this.queryBus.execute(new RetentionQuery());
  }

  @Post('retention/runs')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Run gallring now (admin): shreds what has passed its time; `dryRun` answers the counts and changes nothing',
    body: retentionRunRequest,
    bodyRequired: false,
    response: retentionRunSchema,
  })
  async run(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown): Promise<RetentionRunAnswer> {
    if (!caller.ability.can('create', 'Retention')) throw forbidden();
    const { dryRun } = parseInput(retentionRunRequest, body ?? {});
    return this.commandBus.execute(new RunGallringCommand(caller.context, dryRun ?? false));
  }

  @Post('erasures')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erase a person from internal material (admin, coordinator) with a legal ground and reason; answers where, by location and count, never the content. Published open versions are untouched',
    body: erasureRequest,
    response: erasureSchema,
  })
  async erase(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown): Promise<ErasureAnswer> {
    if (!caller.ability.can('delete', 'Retention')) throw forbidden();
    const request = parseInput(erasureRequest, body);
    return this.commandBus.execute(new ErasePersonalDataCommand(caller.context, request));
  }

  @Get('retention/report')
  @ApiOperation({
    summary:
      "The registrar's report (admin, coordinator): what was gallrad or erased, when, by which rule or request, counts per kind; `Accept: text/csv` for a spreadsheet",
    query: retentionReportQuery,
    response: z.array(retentionReportEntrySchema),
    produces: { 'text/csv': z.string() },
  })
  async report(
    @CurrentCaller() caller: SignedInCaller,
    @Query() rawQuery: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<RetentionReportEntry[] | string> {
    if (!caller.ability.can('read', 'Retention')) throw forbidden();
    const { from, to } = parseInput(retentionReportQuery, rawQuery, 'query');
    const entries: RetentionReportEntry[] = await this.queryBus.execute(new RetentionReportQuery(from, to));
    if (!accept?.includes('text/csv')) return entries;
    void response.header('content-type', 'text/csv; charset=utf-8');
    void response.header('content-disposition', 'attachment; filename="gallring.csv"');
    const header = ['tidpunkt', 'grund', 'av', 'rättslig grund', 'slag', 'antal', 'referens'];
    const rows = entries.map((entry) =>
      [
        entry.at,
        entry.what === 'rule' ? 'regel' : 'begäran',
        entry.by,
        entry.legalGround,
        entry.kind,
        entry.count,
        entry.reference,
      ].map(cell),
    );
    return stringify([header, ...rows]);
  }
}
