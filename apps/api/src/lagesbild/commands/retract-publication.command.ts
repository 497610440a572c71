import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Retract the live publication, with a reason (recorded). */
export class RetractPublicationCommand extends Command<LagesbildResult> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly reason: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(RetractPublicationCommand)
export class RetractPublicationHandler implements ICommandHandler<RetractPublicationCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, reason, expectedVersion }: RetractPublicationCommand): Promise<LagesbildResult> {
    const command = {
      type: 'RetractPublication',
      data: { reason, actorId: caller.context.actorId },
    } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
