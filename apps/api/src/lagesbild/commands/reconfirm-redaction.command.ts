import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Re-confirm a stale mask on the text as it reads now. */
export class ReconfirmRedactionCommand extends LagesbildChange<{
  redactionId: string;
  start: number;
  end: number;
}> {}

@CommandHandler(ReconfirmRedactionCommand)
export class ReconfirmRedactionHandler implements ICommandHandler<ReconfirmRedactionCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, data, expectedVersion }: ReconfirmRedactionCommand): Promise<LagesbildResult> {
    const command = {
      type: 'ReconfirmRedaction',
      data: { ...data, actorId: caller.context.actorId },
    } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
