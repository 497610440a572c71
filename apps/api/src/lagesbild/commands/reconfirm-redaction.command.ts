import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Re-confirm a stale mask on the text as it reads now. */
export class ReconfirmRedactionCommand extends Command<LagesbildResult> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly data: { redactionId: string; start: number; end: number },
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

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
