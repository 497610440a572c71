import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WrongExpectedVersionError } from '@laget/event-store';
import type { ActionView, AddFollowUpRequest, EditActionRequest } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { type ActionCommand, actionDecider, actionStreamId } from '../action.decider.js';
import { ensureMayChangeAction, mayReadAction } from '../atgarder-access.js';
import { actionView } from '../atgarder-views.js';

/** Changes an action (coordinator; the owner organisation's reporters for the fields they may change). */
export class EditActionCommand extends Command<ActionView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly actionId: string,
    readonly data: EditActionRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** A dated note on an action's effect (as for editing it, with the `followUps` field). */
export class AddFollowUpCommand extends Command<ActionView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly actionId: string,
    readonly data: AddFollowUpRequest,
  ) {
    super();
  }
}

/**
 * Decides on the action as loaded: a caller who may not read it gets the same 404 as for one
 * that does not exist; one who may read but not change it (or these fields) a 403.
 */
async function changeAction(
  runner: CommandRunner,
  caller: SignedInCaller,
  actionId: string,
  fields: readonly string[],
  command: ActionCommand,
  expectedVersion?: number,
): Promise<ActionView> {
  const streamId = actionStreamId(actionId);
  return runner.runOnMany([{ streamId, folder: actionDecider }] as const, {
    context: caller.context,
    decide: ([action]) => {
      const state = action.state;
      if (state.kind === 'none' || !mayReadAction(caller, state)) throw notFound('Action');
      ensureMayChangeAction(caller, 'update', state, fields);
      if (command.type === 'EditAction' && command.data.ownerOrganisationId !== undefined) {
        // Moving an action needs the right to own it where it goes as well.
        ensureMayChangeAction(
          caller,
          'update',
          { ownerOrganisationId: command.data.ownerOrganisationId },
          fields,
        );
      }
      if (expectedVersion !== undefined && expectedVersion !== action.version) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, action.version);
      }
      return actionDecider.decide(command, state);
    },
    answer: (result) => {
      if (result.state.kind === 'none') throw notFound('Action');
      return actionView(result.state, result.version);
    },
  });
}

@CommandHandler(EditActionCommand)
export class EditActionHandler implements ICommandHandler<EditActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ caller, actionId, data, expectedVersion }: EditActionCommand): Promise<ActionView> {
    const { expectedVersion: _inBody, ...changes } = data;
    const fields = Object.keys(changes).filter(
      (field) => changes[field as keyof typeof changes] !== undefined,
    );
    return changeAction(
      this.runner,
      caller,
      actionId,
      fields,
      { type: 'EditAction', data: changes },
      expectedVersion,
    );
  }
}

@CommandHandler(AddFollowUpCommand)
export class AddFollowUpHandler implements ICommandHandler<AddFollowUpCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
  ) {}

  execute({ caller, actionId, data }: AddFollowUpCommand): Promise<ActionView> {
    return changeAction(this.runner, caller, actionId, ['followUps'], {
      type: 'AddFollowUp',
      data: { ...data, byId: caller.actor.userId, recordedAt: this.clock.now().toISOString() },
    });
  }
}
