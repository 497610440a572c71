import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Lift a redaction, with a reason (recorded). */
export class LiftRedactionCommand extends LagesbildChange<{ redactionId: string; reason: string }> {}

@CommandHandler(LiftRedactionCommand)
export class LiftRedactionHandler implements ICommandHandler<LiftRedactionCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, data, expectedVersion }: LiftRedactionCommand): Promise<LagesbildResult> {
    const command = { type: 'LiftRedaction', data: { ...data, actorId: caller.context.actorId } } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
