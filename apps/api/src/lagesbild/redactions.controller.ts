import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  applyRedactionRequest,
  dismissSuggestionRequest,
  lagesbildId,
  liftRedactionRequest,
  maskEverywhereRequest,
  reconfirmAnswerSchema,
  reconfirmRedactionRequest,
  redactAnswerSchema,
  redactionOverviewSchema,
  redactionSuggestionSchema,
  versionAnswerSchema,
} from '@laget/contracts';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import {
  ApplyRedactionCommand,
  DismissSuggestionCommand,
  LiftRedactionCommand,
  ReconfirmRedactionCommand,
} from './commands/index.js';
import { reconfirmAnswer, redactAnswer, versionAnswer } from './lagesbild-answers.js';
import { requireMayRedact } from './lagesbild-access.js';
import { ListRedactionSuggestionsQuery, ListRedactionsQuery } from './queries/index.js';
import { routeId } from './route-params.js';

/**
 * What the open version leaves out: redactions (masks, exclusions, each with a legal ground and a
 * reason) and the suggestions Läget makes for them, which a person accepts or dismisses. Split
 * from LagesbilderController under the same path, keeping its operation ids.
 */
@ApiCapability('lagesbilder', { operationIdPrefix: 'Lagesbilder' })
@Controller('api/lagesbilder')
@UseInterceptors(IdempotencyInterceptor)
export class RedactionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

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
}
