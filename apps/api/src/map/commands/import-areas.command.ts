import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AreaImportAnswer, ImportAreasRequest } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { newIdFor } from '../../platform/commands/request-context.js';
import { areaRegisterDecider, AREA_REGISTER_STREAM, type AreaEvent } from '../area-register.decider.js';
import { importResults, readFeatures } from '../area-import.js';
import { ensureMayKeepAreas } from '../map-access.js';

/**
 * Areas from a GeoJSON FeatureCollection (coordinator): a feature whose name an area has already
 * redraws that area, any other defines a new one, a broken one is refused with its reason; the
 * rest go in together, as one append to the register.
 */
export class ImportAreasCommand extends Command<AreaImportAnswer> {
  constructor(
    readonly caller: SignedInCaller,
    readonly collection: ImportAreasRequest,
  ) {
    super();
  }
}

@CommandHandler(ImportAreasCommand)
export class ImportAreasHandler implements ICommandHandler<ImportAreasCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller, collection }: ImportAreasCommand): Promise<AreaImportAnswer> {
    ensureMayKeepAreas(caller, 'create');
    ensureMayKeepAreas(caller, 'update');
    const read = readFeatures(collection.features);
    const areas = read.flatMap((feature) =>
      feature.ok
        ? [
            {
              newAreaId: newIdFor(caller.context, `area:${feature.index}`),
              name: feature.name,
              geometry: feature.geometry,
            },
          ]
        : [],
    );
    const result = await this.runner.run(
      AREA_REGISTER_STREAM,
      areaRegisterDecider,
      { type: 'ImportAreas', data: { areas } },
      { context: caller.context },
    );
    return {
      results: importResults(read, result.state, result.events as AreaEvent[]),
      version: result.version,
    };
  }
}
