import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ActionView, CreateActionRequest } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { newIdFor } from '../../platform/commands/request-context.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { actionDecider, actionStreamId } from '../action.decider.js';
import { ensureMayChangeAction } from '../atgarder-access.js';
import { actionView } from '../atgarder-views.js';
import { isOpened, problemDecider, problemStreamId } from '../problem.decider.js';

/**
 * A new action against a problem: the coordinator for any organisation; a reporter for its own
 * organisation, never public (CONTRACT.md). Decided on the problem's stream too, and appended
 * guarded by its version, so no action lands on a problem closed meanwhile.
 */
export class PlanActionCommand extends Command<ActionView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly data: CreateActionRequest,
  ) {
    super();
  }
}

@CommandHandler(PlanActionCommand)
export class PlanActionHandler implements ICommandHandler<PlanActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller, data }: PlanActionCommand): Promise<ActionView> {
    ensureMayChangeAction(
      caller,
      'create',
      { ownerOrganisationId: data.ownerOrganisationId },
      data.public ? ['public'] : [],
    );
    const actionId = newIdFor(caller.context, 'action');
    return this.runner.runOnMany(
      [
        { streamId: actionStreamId(actionId), folder: actionDecider },
        { streamId: problemStreamId(data.problemId), folder: problemDecider },
      ] as const,
      {
        context: caller.context,
        decide: ([action, problem]) =>
          actionDecider.decide(
            {
              type: 'PlanAction',
              data: {
                actionId,
                ...data,
                problemOpen: isOpened(problem.state) && problem.state.status !== 'closed',
              },
            },
            action.state,
          ),
        answer: (result) => {
          if (result.state.kind === 'none') throw notFound('Action');
          return actionView(result.state, result.version);
        },
      },
    );
  }
}
