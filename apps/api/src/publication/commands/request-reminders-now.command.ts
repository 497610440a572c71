import { Command, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { RemindersRequestedAnswer } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { conflict } from '../../platform/domain/domain-error.js';
import { GetPeriodQuery } from '../../reporting/index.js';
import { reminderRequestDecider, remindersStreamId } from '../reminder-request.decider.js';
import { ReminderRecipients } from '../reminder-recipients.js';
import { remindersNowJobIdFor } from '../reminders-now.job.js';

/**
 * The coordinator's "remind those who have not reported" (`POST /api/periods/:period/reminders`):
 * appends one `RemindersRequested` to the week's reminders stream; the reminders-now reactor turns
 * it into a `send-reminders-now` job that e-mails each organisation's reporters. Which
 * organisations, and what is refused or skipped, is the decider's (reminder-request.decider.ts):
 * an unknown or inactive organisation is a 422, one that has reported already is skipped and
 * named in `alreadyReported`; one with no active reporter with an e-mail address is named in
 * `unreachable` (reminded, but nobody will get it). The controller has checked `remind` on `Period`.
 */
export class RequestRemindersNowCommand extends Command<RemindersRequestedAnswer> {
  constructor(
    readonly caller: SignedInCaller,
    readonly period: string,
    readonly organisationIds?: readonly string[],
  ) {
    super();
  }
}

@CommandHandler(RequestRemindersNowCommand)
export class RequestRemindersNowHandler implements ICommandHandler<RequestRemindersNowCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
    private readonly recipients: ReminderRecipients,
  ) {}

  async execute({
    caller,
    period,
    organisationIds,
  }: RequestRemindersNowCommand): Promise<RemindersRequestedAnswer> {
    // Who has reported is reporting's read model; the decision rests on it as read now (a report
    // filed a moment later is caught by the job, which looks again before it sends).
    const { compliance = [] } = await this.queryBus.execute(new GetPeriodQuery(period));
    const result = await this.runner.run(
      remindersStreamId(period),
      reminderRequestDecider,
      {
        type: 'RequestReminders',
        data: {
          period,
          requestedBy: caller.context.actorId,
          ...(organisationIds ? { organisationIds } : {}),
          compliance: compliance.map(({ organisationId, state }) => ({ organisationId, state })),
          at: this.clock.now().toISOString(),
        },
      },
      { context: caller.context },
    );
    // A retry with the request's Idempotency-Key answers from the event the first attempt appended.
    const requested = result.events.find((event) => event.type === 'RemindersRequested');
    if (!requested) throw conflict('No reminders were requested');
    return {
      period,
      requested: requested.data.organisationIds.length,
      organisationIds: requested.data.organisationIds,
      alreadyReported: requested.data.alreadyReported,
      // As the logins are now; the job looks again when it sends.
      unreachable: await this.recipients.unreachable(requested.data.organisationIds),
      jobId: remindersNowJobIdFor(requested.eventId),
    };
  }
}
