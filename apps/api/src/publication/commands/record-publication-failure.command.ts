import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { lagesbildStreamId } from '../../lagesbild/lagesbild.decider.js';
import type { LagesbildState } from '../../lagesbild/lagesbild-state.js';
import { CommandRunner, type RunResult } from '../../platform/commands/command-runner.js';
import type { RequestContext } from '../../platform/commands/request-context.js';
import { publicationDecider } from '../publication-decider.js';

/**
 * The publish job gave up (its last attempt failed, or the publication can never succeed):
 * `PublicationFailed`, which lets the coordinator publish the week again.
 */
export class RecordPublicationFailureCommand extends Command<RunResult<LagesbildState>> {
  constructor(
    readonly context: RequestContext,
    readonly period: string,
    /** `lapseApproval`: the approval can never be published as approved (its open map changed). */
    readonly data: { publicationNumber: number; error: string; lapseApproval?: true },
  ) {
    super();
  }
}

@CommandHandler(RecordPublicationFailureCommand)
export class RecordPublicationFailureHandler implements ICommandHandler<RecordPublicationFailureCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ context, period, data }: RecordPublicationFailureCommand): Promise<RunResult<LagesbildState>> {
    return this.runner.run(
      lagesbildStreamId(period),
      publicationDecider,
      { type: 'RecordPublicationFailure', data },
      { context },
    );
  }
}
