import type { DefineAudienceRequest } from '@laget/contracts';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Define (or redefine) a target group: organisations and/or roles, sections, incidents. */
export class DefineAudienceCommand extends Command<LagesbildResult> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly audience: DefineAudienceRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(DefineAudienceCommand)
export class DefineAudienceHandler implements ICommandHandler<DefineAudienceCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, audience, expectedVersion }: DefineAudienceCommand): Promise<LagesbildResult> {
    // Only the audience's own fields are recorded, whatever else the request carried.
    const { name, title, organisationIds, roles, sectionIds, incidentIds } = audience;
    return this.lagesbild.run(
      caller,
      period,
      {
        type: 'DefineAudience',
        data: {
          audience: { name, title, organisationIds, roles, sectionIds, incidentIds },
          actorId: caller.context.actorId,
        },
      },
      expectedVersion,
    );
  }
}
