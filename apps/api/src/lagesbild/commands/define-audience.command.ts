import type { DefineAudienceRequest } from '@laget/contracts';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Define (or redefine) a target group: organisations and/or roles, sections, incidents. */
export class DefineAudienceCommand extends LagesbildChange<DefineAudienceRequest> {}

@CommandHandler(DefineAudienceCommand)
export class DefineAudienceHandler implements ICommandHandler<DefineAudienceCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({
    caller,
    period,
    data: audience,
    expectedVersion,
  }: DefineAudienceCommand): Promise<LagesbildResult> {
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
