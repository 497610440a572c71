import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  periodId,
  remindersRequestedSchema,
  requestRemindersRequestSchema,
  type RemindersRequestedAnswer,
} from '@laget/contracts';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { DomainError } from '../platform/domain/domain-error.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { parseInput } from '../platform/http/validation.js';
import { RequestRemindersNowCommand } from './commands/index.js';

const reminderParams = z.object({ period: periodId });

/**
 * `POST /api/periods/:period/reminders`: the coordinator reminds now, beside the schedule. The
 * week's routes are reporting's (PeriodsController); reminders are publication's, so this one
 * route lives here under the same path and capability.
 */
@ApiCapability('periods')
@Controller('api/periods')
@UseInterceptors(IdempotencyInterceptor)
export class RemindersController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':period/reminders')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Remind the organisations that have not reported for the week now (coordinator): every one, or those of `organisationIds` that have not; 202 with the job that e-mails their reporters. An unknown organisation is a 422; one that has reported is skipped (`alreadyReported`)',
    params: reminderParams,
    body: requestRemindersRequestSchema,
    bodyRequired: false,
    response: remindersRequestedSchema,
    errors: [422],
  })
  async remind(
    @CurrentCaller() caller: SignedInCaller,
    @Param('period') period: string,
    @Body() body: unknown,
  ): Promise<RemindersRequestedAnswer> {
    // Refused before the input is looked at: nobody else learns what a valid request would be.
    if (!caller.ability.can('remind', 'Period')) {
      throw new DomainError(
        'forbidden',
        'Bara samordnaren skickar påminnelser (only the coordinator sends reminders)',
      );
    }
    const params = parseInput(reminderParams, { period }, 'params');
    const { organisationIds } = parseInput(requestRemindersRequestSchema, body ?? {});
    return this.commandBus.execute(new RequestRemindersNowCommand(caller, params.period, organisationIds));
  }
}
