import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

export class RemoveAudienceCommand extends Command<LagesbildResult> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly name: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(RemoveAudienceCommand)
export class RemoveAudienceHandler implements ICommandHandler<RemoveAudienceCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, name, expectedVersion }: RemoveAudienceCommand): Promise<LagesbildResult> {
    const command = { type: 'RemoveAudience', data: { name, actorId: caller.context.actorId } } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
