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
  Put,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import {
  acceptedJobSchema,
  approveAnswerSchema,
  lagesbildDocumentSchema,
  reconfirmAnswerSchema,
  redactAnswerSchema,
  redactionOverviewSchema,
  redactionSuggestionSchema,
  versionAnswerSchema,
  applyRedactionRequest,
  approveLagesbildRequest,
  audienceName,
  compileLagesbildRequest,
  defineAudienceRequest,
  dismissSuggestionRequest,
  editSectionRequest,
  liftRedactionRequest,
  maskEverywhereRequest,
  lagesbildId,
  publishLagesbildRequest,
  reconfirmRedactionRequest,
  retractPublicationRequest,
  takeInReportRequest,
} from '@laget/contracts';
import { z } from 'zod';
import { Public } from '../platform/http/public.decorator.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { asSubject } from '@laget/permissions';
import { type Caller, CurrentCaller, type SignedInCaller } from '../identity/index.js';
import {
  ApplyRedactionCommand,
  ApproveLagesbildCommand,
  CompileLagesbildCommand,
  DefineAudienceCommand,
  DismissSuggestionCommand,
  EditSectionCommand,
  LiftRedactionCommand,
  ReconfirmRedactionCommand,
  RemoveAudienceCommand,
  RequestPublicationCommand,
  RetractPublicationCommand,
  TakeInReportCommand,
} from './commands/index.js';
import {
  LagesbildHistoryQuery,
  ListAmendmentsQuery,
  ListAudiencesQuery,
  ListRedactionSuggestionsQuery,
  ListRedactionsQuery,
  ReadLagesbildQuery,
  viewOf,
  viewQuery,
} from './queries/index.js';
import { requireAllowed, requireMayRedact, requireMayUpdate } from './lagesbild-access.js';
import { audienceDocument } from './lagesbild-views.js';
import {
  approveAnswer,
  documentAnswer,
  reconfirmAnswer,
  redactAnswer,
  versionAnswer,
} from './lagesbild-answers.js';

const routeId = z.string().min(1).max(200);
const audienceBody = defineAudienceRequest.omit({ name: true });

/**
 * The lägesbild of a week (CONTRACT.md, "lagesbilder"): parse, check what the caller may do with
 * the week (lagesbild-access.ts; what depends on the loaded week is checked by its handler),
 * dispatch the command or query, answer.
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

  @Get(':id/audiences')
  @ApiOperation({
    summary: 'The target groups defined for the week, as the coordinator defined them',
    params: z.object({ id: lagesbildId }),
    response: z.array(defineAudienceRequest),
  })
  async audiences(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    const period = parseInput(lagesbildId, id, 'params');
    requireMayUpdate(caller, period);
    return this.queryBus.execute(new ListAudiencesQuery(period));
  }

  @Put(':id/audiences/:name')
  @ApiOperation({
    summary: 'Define a target group: organisations and/or roles, sections, incidents',
    params: z.object({ id: lagesbildId, name: audienceName }),
    body: audienceBody,
    response: lagesbildDocumentSchema,
    errors: [422],
  })
  async defineAudience(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const request = parseInput(audienceBody, body);
    const period = parseInput(lagesbildId, id, 'params');
    const audience = { ...request, name: parseInput(audienceName, name, 'params') };
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireMayUpdate(caller, period);
    const { state, version } = await this.commandBus.execute(
      new DefineAudienceCommand(caller, period, audience, expectedVersion),
    );
    return audienceDocument(state, audience.name, version);
  }

  @Delete(':id/audiences/:name')
  @ApiOperation({
    summary: 'Remove a target group',
    params: z.object({ id: lagesbildId, name: audienceName }),
    response: versionAnswerSchema,
  })
  async removeAudience(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('name') name: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const period = parseInput(lagesbildId, id, 'params');
    const audience = parseInput(audienceName, name, 'params');
    const expectedVersion = expectedVersionOf(ifMatch);
    requireMayUpdate(caller, period);
    return versionAnswer(
      await this.commandBus.execute(
        new RemoveAudienceCommand(caller, period, { name: audience }, expectedVersion),
      ),
    );
  }

  @Get(':id/redactions')
  @ApiOperation({
    summary: 'The redactions with legal ground, reason, current path and whether they are stale',
    params: z.object({ id: lagesbildId }),
    response: z.array(redactionOverviewSchema),
  })
  async redactions(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    const period = parseInput(lagesbildId, id, 'params');
    requireMayRedact(caller, period, 'read');
    return this.queryBus.execute(new ListRedactionsQuery(period));
  }

  @Post(':id/redactions')
  @ApiOperation({
    summary:
      'Mask a span, leave an item or section out of the open version, or mask every occurrence of a text ({text, everywhere: true})',
    params: z.object({ id: lagesbildId }),
    body: applyRedactionRequest,
    response: redactAnswerSchema,
    errors: [422],
  })
  async redact(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    // A union's refusal says only "invalid input": parse the asked-for kind so the reply names the field.
    const everywhere = typeof body === 'object' && body !== null && 'everywhere' in body;
    const request = parseInput(everywhere ? maskEverywhereRequest : applyRedactionRequest, body);
    const period = parseInput(lagesbildId, id, 'params');
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireMayRedact(caller, period, 'create');
    const result = await this.commandBus.execute(
      new ApplyRedactionCommand(caller, period, request, expectedVersion),
    );
    return redactAnswer(result, 'everywhere' in request);
  }

  @Delete(':id/redactions/:redactionId')
  @ApiOperation({
    summary: 'Lift a redaction, with a reason (recorded)',
    params: z.object({ id: lagesbildId }),
    body: liftRedactionRequest,
    response: versionAnswerSchema,
    errors: [422],
  })
  async lift(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('redactionId') redactionId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { reason } = parseInput(liftRedactionRequest, body ?? {});
    const period = parseInput(lagesbildId, id, 'params');
    const data = { redactionId: parseInput(routeId, redactionId, 'params'), reason };
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireMayRedact(caller, period, 'delete');
    return versionAnswer(
      await this.commandBus.execute(new LiftRedactionCommand(caller, period, data, expectedVersion)),
    );
  }

  @Post(':id/redactions/:redactionId/reconfirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-confirm a stale mask on the text as it reads now',
    params: z.object({ id: lagesbildId }),
    body: reconfirmRedactionRequest,
    response: reconfirmAnswerSchema,
    errors: [422],
  })
  async reconfirm(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Param('redactionId') redactionId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { start, end } = parseInput(reconfirmRedactionRequest, body);
    const period = parseInput(lagesbildId, id, 'params');
    const data = { redactionId: parseInput(routeId, redactionId, 'params'), start, end };
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireMayRedact(caller, period, 'create');
    const result = await this.commandBus.execute(
      new ReconfirmRedactionCommand(caller, period, data, expectedVersion),
    );
    return reconfirmAnswer(result, data.redactionId);
  }

  @Get(':id/redaction-suggestions')
  @ApiOperation({
    summary: 'Spans that look like personal data, or repeat a masked text, in what the open version shows',
    params: z.object({ id: lagesbildId }),
    response: z.array(redactionSuggestionSchema),
  })
  async suggestions(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    const period = parseInput(lagesbildId, id, 'params');
    requireMayRedact(caller, period, 'create');
    return this.queryBus.execute(new ListRedactionSuggestionsQuery(period));
  }

  @Post(':id/redaction-suggestions/dismiss')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Dismiss a suggestion (recorded); it stays dismissed while its text is unchanged',
    params: z.object({ id: lagesbildId }),
    body: dismissSuggestionRequest,
    response: versionAnswerSchema,
    errors: [422],
  })
  async dismiss(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const request = parseInput(dismissSuggestionRequest, body);
    const period = parseInput(lagesbildId, id, 'params');
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireMayRedact(caller, period, 'create');
    return versionAnswer(
      await this.commandBus.execute(new DismissSuggestionCommand(caller, period, request, expectedVersion)),
    );
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve the open version as it stands (its content hash)',
    params: z.object({ id: lagesbildId }),
    body: approveLagesbildRequest,
    bodyRequired: false,
    response: approveAnswerSchema,
    errors: [422],
    errorNotes: {
      409: 'Changed since the version sent, or suggestions neither masked nor dismissed: `details.unhandledSuggestions` lists them',
    },
  })
  async approve(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { contentHash } = parseInput(approveLagesbildRequest, body ?? {});
    const period = parseInput(lagesbildId, id, 'params');
    // Who may approve depends on the week's status: ApproveLagesbildHandler checks it.
    return approveAnswer(
      await this.commandBus.execute(
        new ApproveLagesbildCommand(
          caller,
          period,
          contentHash ? { contentHash } : {},
          expectedVersionOf(ifMatch, body),
        ),
      ),
    );
  }

  @Post(':id/publish')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Publish the approved revision: 202 {jobId}',
    params: z.object({ id: lagesbildId }),
    body: publishLagesbildRequest,
    bodyRequired: false,
    response: acceptedJobSchema,
    errors: [422],
  })
  async publish(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { correction } = parseInput(publishLagesbildRequest, body ?? {});
    const period = parseInput(lagesbildId, id, 'params');
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireAllowed(caller, caller.ability.can('create', asSubject('Publication', { published: false })));
    const { jobId, version } = await this.commandBus.execute(
      new RequestPublicationCommand(caller, period, correction ? { correction } : {}, expectedVersion),
    );
    return { jobId, version };
  }

  @Post(':id/retract')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retract the live publication, with a reason (recorded)',
    params: z.object({ id: lagesbildId }),
    body: retractPublicationRequest,
    response: versionAnswerSchema,
    errors: [422],
  })
  async retract(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { reason } = parseInput(retractPublicationRequest, body);
    const period = parseInput(lagesbildId, id, 'params');
    const expectedVersion = expectedVersionOf(ifMatch, body);
    requireAllowed(caller, caller.ability.can('delete', asSubject('Publication', { published: true })));
    return versionAnswer(
      await this.commandBus.execute(
        new RetractPublicationCommand(caller, period, { reason }, expectedVersion),
      ),
    );
  }
}
