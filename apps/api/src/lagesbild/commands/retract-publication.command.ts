import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Retract the live publication, with a reason (recorded). */
export class RetractPublicationCommand extends LagesbildChange<{ reason: string }> {}

@CommandHandler(RetractPublicationCommand)
export class RetractPublicationHandler implements ICommandHandler<RetractPublicationCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, data, expectedVersion }: RetractPublicationCommand): Promise<LagesbildResult> {
    const command = {
      type: 'RetractPublication',
      data: { reason: data.reason, actorId: caller.context.actorId },
    } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
