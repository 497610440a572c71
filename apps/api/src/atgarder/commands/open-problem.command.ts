import { Command, CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import type { CreateProblemRequest, ProblemView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { newIdFor } from '../../platform/commands/request-context.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { ensureMayChangeProblem } from '../atgarder-access.js';
import { ensureKnownCategory } from '../problem-category.js';
import { problemView } from '../atgarder-views.js';
import { isOpened, problemDecider, problemStreamId } from '../problem.decider.js';

/** A new problem for the EST group to work on (coordinator). */
export class OpenProblemCommand extends Command<ProblemView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly data: CreateProblemRequest,
  ) {
    super();
  }
}

@CommandHandler(OpenProblemCommand)
export class OpenProblemHandler implements ICommandHandler<OpenProblemCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, data }: OpenProblemCommand): Promise<ProblemView> {
    ensureMayChangeProblem(caller, 'create');
    await ensureKnownCategory(this.queryBus, data.category);
    const problemId = newIdFor(caller.context, 'problem');
    const result = await this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      { type: 'OpenProblem', data: { problemId, ...data } },
      { context: caller.context },
    );
    if (!isOpened(result.state)) throw notFound('Problem');
    return problemView(result.state, result.version);
  }
}
