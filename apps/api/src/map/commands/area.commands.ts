import { Command, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { AreaView, DefineAreaRequest, EditAreaRequest } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { newIdFor } from '../../platform/commands/request-context.js';
import { areaRegisterDecider, AREA_REGISTER_STREAM } from '../area-register.decider.js';
import { ensureMayKeepAreas } from '../map-access.js';
import { areaAnswer } from './area-answer.js';

/** A new area (område), drawn or pasted as GeoJSON (coordinator). */
export class DefineAreaCommand extends Command<AreaView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly data: DefineAreaRequest,
  ) {
    super();
  }
}

/** Renames or redraws an area (coordinator). */
export class EditAreaCommand extends Command<AreaView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly areaId: string,
    readonly data: EditAreaRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** Removes an area (coordinator): its places lie in no area, or in another that contains them. */
export class RemoveAreaCommand extends Command<AreaView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly areaId: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(DefineAreaCommand)
export class DefineAreaHandler implements ICommandHandler<DefineAreaCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, data }: DefineAreaCommand): Promise<AreaView> {
    ensureMayKeepAreas(caller, 'create');
    const areaId = newIdFor(caller.context, 'area');
    const result = await this.runner.run(
      AREA_REGISTER_STREAM,
      areaRegisterDecider,
      { type: 'DefineArea', data: { areaId, name: data.name, geometry: data.geometry } },
      { context: caller.context },
    );
    return areaAnswer(this.queryBus, result.state, areaId, result.version);
  }
}

@CommandHandler(EditAreaCommand)
export class EditAreaHandler implements ICommandHandler<EditAreaCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, areaId, data, expectedVersion }: EditAreaCommand): Promise<AreaView> {
    ensureMayKeepAreas(caller, 'update', areaId);
    const result = await this.runner.run(
      AREA_REGISTER_STREAM,
      areaRegisterDecider,
      {
        type: 'EditArea',
        data: {
          areaId,
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.geometry !== undefined ? { geometry: data.geometry } : {}),
        },
      },
      { context: caller.context, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return areaAnswer(this.queryBus, result.state, areaId, result.version);
  }
}

@CommandHandler(RemoveAreaCommand)
export class RemoveAreaHandler implements ICommandHandler<RemoveAreaCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, areaId, expectedVersion }: RemoveAreaCommand): Promise<AreaView> {
    ensureMayKeepAreas(caller, 'delete', areaId);
    const result = await this.runner.run(
      AREA_REGISTER_STREAM,
      areaRegisterDecider,
      { type: 'RemoveArea', data: { areaId } },
      { context: caller.context, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return areaAnswer(this.queryBus, result.state, areaId, result.version);
  }
}
