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
} from '@laget/contracts';
import {
  applyRedactionRequest,
  approveLagesbildRequest,
  audienceName,
  compileLagesbildRequest,
  defineAudienceRequest,
  dismissSuggestionRequest,
  editSectionRequest,
  liftRedactionRequest,
  maskEverywhereRequest,
  periodId,
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
import { CurrentLagesbildCaller, type LagesbildCaller } from './lagesbild-caller.js';
import { LagesbildService, type ViewRequest } from './lagesbild.service.js';

const viewQuery = z.object({
  view: z
    .union([z.enum(['draft', 'internal', 'open']), z.string().regex(/^audience:[a-z0-9][a-z0-9-]{0,39}$/)])
    .default('internal'),
});
const routeId = z.string().min(1).max(200);
const audienceBody = defineAudienceRequest.omit({ name: true });

function viewOf(raw: string): ViewRequest {
  if (raw.startsWith('audience:')) return { kind: 'audience', name: raw.slice('audience:'.length) };
  return { kind: raw as 'draft' | 'internal' | 'open' };
}

/** The lägesbild of a week (CONTRACT.md, "lagesbilder"): thin: parse, authorise in the service, dispatch. */
@ApiCapability('lagesbilder')
@Controller('api/lagesbilder')
@UseInterceptors(IdempotencyInterceptor)
export class LagesbilderController {
  constructor(private readonly lagesbilder: LagesbildService) {}

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
  async compile(@CurrentLagesbildCaller() caller: LagesbildCaller, @Body() body: unknown) {
    const { period, confirmEarly } = parseInput(compileLagesbildRequest, body);
    return this.lagesbilder.compile(caller, period, confirmEarly === true);
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'The document as sections: ?view=draft|internal|open|audience:<name>',
    params: z.object({ id: periodId }),
    query: viewQuery,
    response: lagesbildDocumentSchema,
    errors: [403],
  })
  async read(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Query() query: unknown,
  ) {
    const period = parseInput(periodId, id, 'params');
    const { view } = parseInput(viewQuery, query, 'query');
    return this.lagesbilder.read(caller, period, viewOf(view));
  }

  @Patch(':id/sections/:sectionId')
  @ApiOperation({
    summary: 'Edit a coordinator section (Bakgrund, samordnarens rapport, Övrigt, Slutsatser)',
    params: z.object({ id: periodId }),
    body: editSectionRequest,
    response: lagesbildDocumentSchema,
    errors: [422],
  })
  async editSection(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Param('sectionId') sectionId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { text } = parseInput(editSectionRequest, body);
    return this.lagesbilder.editSection(
      caller,
      parseInput(periodId, id, 'params'),
      parseInput(routeId, sectionId, 'params'),
      text,
      expectedVersionOf(ifMatch, body),
    );
  }

  @Get(':id/history')
  @ApiOperation({
    summary:
      'The full history: compiles, edits, redactions with legal ground, decisions, approvals, publications, reads',
    params: z.object({ id: periodId }),
    response: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'History entries, oldest first' }),
  })
  async history(@CurrentLagesbildCaller() caller: LagesbildCaller, @Param('id') id: string) {
    return this.lagesbilder.history(caller, parseInput(periodId, id, 'params'));
  }

  @Get(':id/amendments')
  @ApiOperation({
    summary: 'Reports submitted again since they were compiled, waiting to be taken in',
    params: z.object({ id: periodId }),
    response: z.array(z.record(z.string(), z.unknown())),
  })
  async amendments(@CurrentLagesbildCaller() caller: LagesbildCaller, @Param('id') id: string) {
    return this.lagesbilder.amendments(caller, parseInput(periodId, id, 'params'));
  }

  @Post(':id/reports/:reportId/take-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take the report’s latest submitted version in (a recorded recompile)',
    params: z.object({ id: periodId }),
    body: takeInReportRequest,
    response: lagesbildDocumentSchema,
    errors: [422],
  })
  async takeIn(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Param('reportId') reportId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { reason } = parseInput(takeInReportRequest, body);
    return this.lagesbilder.takeIn(
      caller,
      parseInput(periodId, id, 'params'),
      parseInput(routeId, reportId, 'params'),
      reason,
      expectedVersionOf(ifMatch, body),
    );
  }

  @Get(':id/audiences')
  @ApiOperation({
    summary: 'The target groups defined for the week, as the coordinator defined them',
    params: z.object({ id: periodId }),
    response: z.array(defineAudienceRequest),
  })
  async audiences(@CurrentLagesbildCaller() caller: LagesbildCaller, @Param('id') id: string) {
    return this.lagesbilder.audiences(caller, parseInput(periodId, id, 'params'));
  }

  @Put(':id/audiences/:name')
  @ApiOperation({
    summary: 'Define a target group: organisations and/or roles, sections, incidents',
    params: z.object({ id: periodId, name: audienceName }),
    body: audienceBody,
    response: lagesbildDocumentSchema,
    errors: [422],
  })
  async defineAudience(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const request = parseInput(audienceBody, body);
    return this.lagesbilder.defineAudience(
      caller,
      parseInput(periodId, id, 'params'),
      { ...request, name: parseInput(audienceName, name, 'params') },
      expectedVersionOf(ifMatch, body),
    );
  }

  @Delete(':id/audiences/:name')
  @ApiOperation({
    summary: 'Remove a target group',
    params: z.object({ id: periodId, name: audienceName }),
    response: versionAnswerSchema,
  })
  async removeAudience(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Param('name') name: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.lagesbilder.removeAudience(
      caller,
      parseInput(periodId, id, 'params'),
      parseInput(audienceName, name, 'params'),
      expectedVersionOf(ifMatch),
    );
  }

  @Get(':id/redactions')
  @ApiOperation({
    summary: 'The redactions with legal ground, reason, current path and whether they are stale',
    params: z.object({ id: periodId }),
    response: z.array(redactionOverviewSchema),
  })
  async redactions(@CurrentLagesbildCaller() caller: LagesbildCaller, @Param('id') id: string) {
    return this.lagesbilder.redactions(caller, parseInput(periodId, id, 'params'));
  }

  @Post(':id/redactions')
  @ApiOperation({
    summary:
      'Mask a span, leave an item or section out of the open version, or mask every occurrence of a text ({text, everywhere: true})',
    params: z.object({ id: periodId }),
    body: applyRedactionRequest,
    response: redactAnswerSchema,
    errors: [422],
  })
  async redact(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    // A union's refusal says only "invalid input": parse the asked-for kind so the reply names the field.
    const everywhere = typeof body === 'object' && body !== null && 'everywhere' in body;
    const request = parseInput(everywhere ? maskEverywhereRequest : applyRedactionRequest, body);
    return this.lagesbilder.redact(
      caller,
      parseInput(periodId, id, 'params'),
      request,
      expectedVersionOf(ifMatch, body),
    );
  }

  @Delete(':id/redactions/:redactionId')
  @ApiOperation({
    summary: 'Lift a redaction, with a reason (recorded)',
    params: z.object({ id: periodId }),
    body: liftRedactionRequest,
    response: versionAnswerSchema,
    errors: [422],
  })
  async lift(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Param('redactionId') redactionId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { reason } = parseInput(liftRedactionRequest, body ?? {});
    return this.lagesbilder.lift(
      caller,
      parseInput(periodId, id, 'params'),
      parseInput(routeId, redactionId, 'params'),
      reason,
      expectedVersionOf(ifMatch, body),
    );
  }

  @Post(':id/redactions/:redactionId/reconfirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-confirm a stale mask on the text as it reads now',
    params: z.object({ id: periodId }),
    body: reconfirmRedactionRequest,
    response: reconfirmAnswerSchema,
    errors: [422],
  })
  async reconfirm(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Param('redactionId') redactionId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { start, end } = parseInput(reconfirmRedactionRequest, body);
    return this.lagesbilder.reconfirm(
      caller,
      parseInput(periodId, id, 'params'),
      parseInput(routeId, redactionId, 'params'),
      { start, end },
      expectedVersionOf(ifMatch, body),
    );
  }

  @Get(':id/redaction-suggestions')
  @ApiOperation({
    summary: 'Spans that look like personal data, or repeat a masked text, in what the open version shows',
    params: z.object({ id: periodId }),
    response: z.array(redactionSuggestionSchema),
  })
  async suggestions(@CurrentLagesbildCaller() caller: LagesbildCaller, @Param('id') id: string) {
    return this.lagesbilder.suggestions(caller, parseInput(periodId, id, 'params'));
  }

  @Post(':id/redaction-suggestions/dismiss')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Dismiss a suggestion (recorded); it stays dismissed while its text is unchanged',
    params: z.object({ id: periodId }),
    body: dismissSuggestionRequest,
    response: versionAnswerSchema,
    errors: [422],
  })
  async dismiss(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const request = parseInput(dismissSuggestionRequest, body);
    return this.lagesbilder.dismissSuggestion(
      caller,
      parseInput(periodId, id, 'params'),
      request,
      expectedVersionOf(ifMatch, body),
    );
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve the open version as it stands (its content hash)',
    params: z.object({ id: periodId }),
    body: approveLagesbildRequest,
    bodyRequired: false,
    response: approveAnswerSchema,
    errors: [422],
    errorNotes: {
      409: 'Changed since the version sent, or suggestions neither masked nor dismissed: `details.unhandledSuggestions` lists them',
    },
  })
  async approve(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { contentHash } = parseInput(approveLagesbildRequest, body ?? {});
    return this.lagesbilder.approve(
      caller,
      parseInput(periodId, id, 'params'),
      contentHash,
      expectedVersionOf(ifMatch, body),
    );
  }

  @Post(':id/publish')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Publish the approved revision: 202 {jobId}',
    params: z.object({ id: periodId }),
    body: publishLagesbildRequest,
    bodyRequired: false,
    response: acceptedJobSchema,
    errors: [422],
  })
  async publish(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { correction } = parseInput(publishLagesbildRequest, body ?? {});
    return this.lagesbilder.publish(
      caller,
      parseInput(periodId, id, 'params'),
      correction,
      expectedVersionOf(ifMatch, body),
    );
  }

  @Post(':id/retract')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retract the live publication, with a reason (recorded)',
    params: z.object({ id: periodId }),
    body: retractPublicationRequest,
    response: versionAnswerSchema,
    errors: [422],
  })
  async retract(
    @CurrentLagesbildCaller() caller: LagesbildCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { reason } = parseInput(retractPublicationRequest, body);
    return this.lagesbilder.retract(
      caller,
      parseInput(periodId, id, 'params'),
      reason,
      expectedVersionOf(ifMatch, body),
    );
  }
}
