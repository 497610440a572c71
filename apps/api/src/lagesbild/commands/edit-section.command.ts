import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** New text for one of the coordinator's sections (Bakgrund, samordnarens rapport, Övrigt, Slutsatser). */
export class EditSectionCommand extends LagesbildChange<{ sectionId: string; text: string }> {}

@CommandHandler(EditSectionCommand)
export class EditSectionHandler implements ICommandHandler<EditSectionCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, data, expectedVersion }: EditSectionCommand): Promise<LagesbildResult> {
    const command = { type: 'EditSection', data: { ...data, actorId: caller.context.actorId } } as const;
    return this.lagesbild.run(caller, period, command, expectedVersion);
  }
}
