import { Command, CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import type { EditProblemRequest, ProblemView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { ensureMayChangeProblem } from '../atgarder-access.js';
import { ensureKnownCategory } from '../problem-category.js';
import { problemView } from '../atgarder-views.js';
import { isOpened, problemDecider, problemStreamId } from '../problem.decider.js';

/** Renames, moves or changes the status of a problem (coordinator). */
export class EditProblemCommand extends Command<ProblemView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly problemId: string,
    readonly data: EditProblemRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(EditProblemCommand)
export class EditProblemHandler implements ICommandHandler<EditProblemCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, problemId, data, expectedVersion }: EditProblemCommand): Promise<ProblemView> {
    ensureMayChangeProblem(caller, 'update', problemId);
    await ensureKnownCategory(this.queryBus, data.category);
    const { expectedVersion: _inBody, ...changes } = data;
    const result = await this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      { type: 'EditProblem', data: changes },
      { context: caller.context, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    if (!isOpened(result.state)) throw notFound('Problem');
    return problemView(result.state, result.version);
  }
}
