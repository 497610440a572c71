import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import type { RequestContext } from '../../platform/commands/request-context.js';
import { requestEmail } from '../../platform/jobs/email/send-email.js';

/**
 * One reminder e-mail to one reporter, recorded as `EmailRequested` (the platform's e-mail
 * reactor and job send it). The id is derived from week, slot, organisation and person, and the
 * e-mail decider refuses a second request for an id (a `conflict` DomainError), so a second run
 * of the same slot sends nothing new.
 */
export class RequestReminderCommand extends Command<{ emailId: string; globalPosition: number | null }> {
  constructor(
    readonly context: RequestContext,
    readonly email: { emailId: string; to: string; subject: string; text: string },
  ) {
    super();
  }
}

@CommandHandler(RequestReminderCommand)
export class RequestReminderHandler implements ICommandHandler<RequestReminderCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ context, email }: RequestReminderCommand) {
    return requestEmail(this.runner, { ...email, purpose: 'reminder' }, context);
  }
}
