import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlaceView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { placeRegisterDecider, PLACE_REGISTER_STREAM } from '../place-register.decider.js';
import { ensureMayKeepPlaces } from '../report-access.js';
import { placeView } from '../reporting-rows.js';

/** Retires a place of the register (coordinator); reports keep their text. */
export class RetirePlaceCommand extends Command<PlaceView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly placeId: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(RetirePlaceCommand)
export class RetirePlaceHandler implements ICommandHandler<RetirePlaceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller, placeId, expectedVersion }: RetirePlaceCommand): Promise<PlaceView> {
    ensureMayKeepPlaces(caller, 'delete', placeId);
    const result = await this.runner.run(
      PLACE_REGISTER_STREAM,
      placeRegisterDecider,
      { type: 'RetirePlace', data: { placeId } },
      { context: caller.context, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return placeView(result.state, placeId, result.version);
  }
}
