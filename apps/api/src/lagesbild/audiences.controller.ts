import { Body, Controller, Delete, Get, Headers, Param, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  audienceName,
  defineAudienceRequest,
  lagesbildDocumentSchema,
  lagesbildId,
  versionAnswerSchema,
} from '@laget/contracts';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { DefineAudienceCommand, RemoveAudienceCommand } from './commands/index.js';
import { versionAnswer } from './lagesbild-answers.js';
import { requireMayUpdate } from './lagesbild-access.js';
import { audienceDocument } from './lagesbild-views.js';
import { ListAudiencesQuery } from './queries/index.js';

const audienceBody = defineAudienceRequest.omit({ name: true });

/**
 * A week's target groups (målgruppsversioner): which organisations and roles read which sections
 * and incidents of the internal version. Split from LagesbilderController under the same path,
 * keeping its operation ids, so clients generated from the OpenAPI document are unchanged.
 */
@ApiCapability('lagesbilder', { operationIdPrefix: 'Lagesbilder' })
@Controller('api/lagesbilder')
@UseInterceptors(IdempotencyInterceptor)
export class AudiencesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

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
}
