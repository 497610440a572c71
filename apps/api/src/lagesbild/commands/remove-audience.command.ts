import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

export class RemoveAudienceCommand extends LagesbildChange<{ name: string }> {}

@CommandHandler(RemoveAudienceCommand)
export class RemoveAudienceHandler implements ICommandHandler<RemoveAudienceCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, data, expectedVersion }: RemoveAudienceCommand): Promise<LagesbildResult> {
    const command = {
      type: 'RemoveAudience',
      data: { name: data.name, actorId: caller.context.actorId },
    } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
