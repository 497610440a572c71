import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlaceView, RegisterPlaceRequest } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { newIdFor } from '../../platform/commands/request-context.js';
import { placeRegisterDecider, PLACE_REGISTER_STREAM } from '../place-register.decider.js';
import { ensureMayKeepPlaces } from '../report-access.js';
import { placeView } from '../reporting-rows.js';

/** A place in the register (coordinator). */
export class RegisterPlaceCommand extends Command<PlaceView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly data: RegisterPlaceRequest,
  ) {
    super();
  }
}

@CommandHandler(RegisterPlaceCommand)
export class RegisterPlaceHandler implements ICommandHandler<RegisterPlaceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller, data }: RegisterPlaceCommand): Promise<PlaceView> {
    ensureMayKeepPlaces(caller, 'create');
    const placeId = newIdFor(caller.context, 'place');
    const result = await this.runner.run(
      PLACE_REGISTER_STREAM,
      placeRegisterDecider,
      {
        type: 'RegisterPlace',
        data: { placeId, name: data.name, kind: data.kind, coordinates: data.coordinates ?? null },
      },
      { context: caller.context },
    );
    return placeView(result.state, placeId, result.version);
  }
}
