import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EditPlaceRequest, PlaceView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { placeRegisterDecider, PLACE_REGISTER_STREAM } from '../place-register.decider.js';
import { ensureMayKeepPlaces } from '../report-access.js';
import { placeView } from '../reporting-rows.js';

/** Renames or moves a place of the register (coordinator). */
export class EditPlaceCommand extends Command<PlaceView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly placeId: string,
    readonly data: EditPlaceRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(EditPlaceCommand)
export class EditPlaceHandler implements ICommandHandler<EditPlaceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller, placeId, data, expectedVersion }: EditPlaceCommand): Promise<PlaceView> {
    ensureMayKeepPlaces(caller, 'update', placeId);
    const result = await this.runner.run(
      PLACE_REGISTER_STREAM,
      placeRegisterDecider,
      {
        type: 'EditPlace',
        data: {
          placeId,
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.kind !== undefined ? { kind: data.kind } : {}),
          ...(data.coordinates !== undefined ? { coordinates: data.coordinates } : {}),
        },
      },
      { context: caller.context, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return placeView(result.state, placeId, result.version);
  }
}
