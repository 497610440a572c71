import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  compileLagesbildRequest,
  editSectionRequest,
  lagesbildDocumentSchema,
  lagesbildId,
  takeInReportRequest,
} from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import { z } from 'zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { Public } from '../platform/http/public.decorator.js';
import { parseInput } from '../platform/http/validation.js';
import { CompileLagesbildCommand, EditSectionCommand, TakeInReportCommand } from './commands/index.js';
import { documentAnswer } from './lagesbild-answers.js';
import { requireAllowed, requireMayRedact, requireMayUpdate } from './lagesbild-access.js';
import {
  LagesbildHistoryQuery,
  ListAmendmentsQuery,
  ReadLagesbildQuery,
  viewOf,
  viewQuery,
} from './queries/index.js';
import { routeId } from './route-params.js';

/**
 * The lägesbild of a week itself (CONTRACT.md, "lagesbilder"): compiling it, reading it, the
 * coordinator's sections, its history, and the amended reports taken in after compile. Target
 * groups, redactions and the way to the public have controllers of their own beside this one.
 * Parse, check what the caller may do with the week (lagesbild-access.ts; what depends on the
 * loaded week is checked by its handler), dispatch the command or query, answer.
 */
@ApiCapability('lagesbilder')
@Controller('api/lagesbilder')
@UseInterceptors(IdempotencyInterceptor)
export class LagesbilderController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Compile the week: a snapshot of every submitted report (422 while none is; before the deadline 409 naming the missing organisations unless confirmEarly)',
    body: compileLagesbildRequest,
    response: lagesbildDocumentSchema,
    errors: [409, 422],
    errorNotes: {
      409: 'Before the reporting deadline without confirmEarly: `details` names the organisations that have not reported',
      422: 'No report is submitted yet',
    },
  })
  async compile(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown) {
    const { period, confirmEarly } = parseInput(compileLagesbildRequest, body);
    requireAllowed(
      caller,
      caller.ability.can('create', asSubject('Lagesbild', { id: period, view: 'internal', status: 'draft' })),
    );
    return documentAnswer(
      await this.commandBus.execute(
        new CompileLagesbildCommand(caller, period, { confirmEarly: confirmEarly === true }),
      ),
    );
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'The document as sections: ?view=draft|internal|open|audience:<name>',
    params: z.object({ id: lagesbildId }),
    query: viewQuery,
    response: lagesbildDocumentSchema,
    errors: [403],
  })
  async read(@CurrentCaller('visitor') caller: Caller, @Param('id') id: string, @Query() query: unknown) {
    const period = parseInput(lagesbildId, id, 'params');
    const { view } = parseInput(viewQuery, query, 'query');
    return this.queryBus.execute(new ReadLagesbildQuery(caller, period, viewOf(view)));
  }

  @Patch(':id/sections/:sectionId')
  @ApiOperation({
    summary: 'Edit a coordinator section (Bakgrund, samordnarens rapport, Övrigt, Slutsatser)',
    params: z.object({ id: lagesbildId }),
    body: editSectionRequest,
    response: lagesbildDocumentSchema,
    errors: [422],
  })
  async editSection(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('sectionId') sectionId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { text } = parseInput(editSectionRequest, body);
    const period = parseInput(lagesbildId, id, 'params');
    const data = { sectionId: parseInput(routeId, sectionId, 'params'), text };
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireMayUpdate(caller, period);
    return documentAnswer(
      await this.commandBus.execute(new EditSectionCommand(caller, period, data, expectedVersion)),
    );
  }

  @Get(':id/history')
  @ApiOperation({
    summary:
      'The full history: compiles, edits, redactions with legal ground, decisions, approvals, publications, reads',
    params: z.object({ id: lagesbildId }),
    response: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'History entries, oldest first' }),
  })
  async history(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    const period = parseInput(lagesbildId, id, 'params');
    // Those who may see what was masked and why (coordinator, reviewer); an admin has the audit trail without contents.
    requireMayRedact(caller, period, 'read');
    return this.queryBus.execute(new LagesbildHistoryQuery(period));
  }

  @Get(':id/amendments')
  @ApiOperation({
    summary: 'Reports submitted again since they were compiled, waiting to be taken in',
    params: z.object({ id: lagesbildId }),
    response: z.array(z.record(z.string(), z.unknown())),
  })
  async amendments(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    const period = parseInput(lagesbildId, id, 'params');
    requireMayUpdate(caller, period);
    return this.queryBus.execute(new ListAmendmentsQuery(period));
  }

  @Post(':id/reports/:reportId/take-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take the report’s latest submitted version in (a recorded recompile)',
    params: z.object({ id: lagesbildId }),
    body: takeInReportRequest,
    response: lagesbildDocumentSchema,
    errors: [422],
  })
  async takeIn(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('reportId') reportId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { reason } = parseInput(takeInReportRequest, body);
    const period = parseInput(lagesbildId, id, 'params');
    const data = { reportId: parseInput(routeId, reportId, 'params'), reason };
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireMayUpdate(caller, period);
    return documentAnswer(
      await this.commandBus.execute(new TakeInReportCommand(caller, period, data, expectedVersion)),
    );
  }
}
