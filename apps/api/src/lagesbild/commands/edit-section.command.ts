import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** New text for one of the coordinator's sections (Bakgrund, samordnarens rapport, Övrigt, Slutsatser). */
export class EditSectionCommand extends Command<LagesbildResult> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly data: { sectionId: string; text: string },
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(EditSectionCommand)
export class EditSectionHandler implements ICommandHandler<EditSectionCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, data, expectedVersion }: EditSectionCommand): Promise<LagesbildResult> {
    const command = { type: 'EditSection', data: { ...data, actorId: caller.context.actorId } } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
