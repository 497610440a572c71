import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { lagesbildStreamId } from '../../lagesbild/lagesbild.decider.js';
import type { LagesbildState } from '../../lagesbild/lagesbild-state.js';
import { CommandRunner, type RunResult } from '../../platform/commands/command-runner.js';
import type { RequestContext } from '../../platform/commands/request-context.js';
import { publicationDecider } from '../publication-decider.js';

/**
 * The publish job's success: `LagesbildPublished` on the week's stream, naming the content and
 * the exact PDF the public gets. The decider ignores a second record of the same content, so a
 * job that ran twice publishes once.
 */
export class RecordPublicationCommand extends Command<RunResult<LagesbildState>> {
  constructor(
    /** The job's system context: the job id is correlation and causation. */
    readonly context: RequestContext,
    readonly period: string,
    readonly data: { publicationNumber: number; contentHash: string; publishedAt: string; pdfHash: string },
  ) {
    super();
  }
}

@CommandHandler(RecordPublicationCommand)
export class RecordPublicationHandler implements ICommandHandler<RecordPublicationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ context, period, data }: RecordPublicationCommand): Promise<RunResult<LagesbildState>> {
    return this.runner.run(
      lagesbildStreamId(period),
      publicationDecider,
      { type: 'RecordPublication', data },
      { context },
    );
  }
}
