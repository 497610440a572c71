import { Body, Controller, Headers, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  acceptedJobSchema,
  approveAnswerSchema,
  approveLagesbildRequest,
  lagesbildId,
  publishLagesbildRequest,
  retractPublicationRequest,
  versionAnswerSchema,
} from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import {
  ApproveLagesbildCommand,
  RequestPublicationCommand,
  RetractPublicationCommand,
} from './commands/index.js';
import { approveAnswer, versionAnswer } from './lagesbild-answers.js';
import { requireAllowed } from './lagesbild-access.js';

/**
 * The open version's way to the public: approval of its content hash (four-eyes where the
 * municipality requires it), publication, retraction. Split from LagesbilderController under the
 * same path, keeping its operation ids.
 */
@ApiCapability('lagesbilder', { operationIdPrefix: 'Lagesbilder' })
@Controller('api/lagesbilder')
@UseInterceptors(IdempotencyInterceptor)
export class PublishingController {
  constructor(private readonly commandBus: CommandBus) {}

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
    const { contentHash, openMapHash } = parseInput(approveLagesbildRequest, body ?? {});
    const period = parseInput(lagesbildId, id, 'params');
    // Who may approve depends on the week's status: ApproveLagesbildHandler checks it.
    return approveAnswer(
      await this.commandBus.execute(
        new ApproveLagesbildCommand(
          caller,
          period,
          {
            ...(contentHash ? { contentHash } : {}),
            ...(openMapHash !== undefined ? { openMapHash } : {}),
          },
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
