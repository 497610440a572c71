import type { DismissSuggestionRequest } from '@laget/contracts';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Dismiss a redaction suggestion (recorded); it stays dismissed while its text is unchanged. */
export class DismissSuggestionCommand extends LagesbildChange<DismissSuggestionRequest> {}

@CommandHandler(DismissSuggestionCommand)
export class DismissSuggestionHandler implements ICommandHandler<DismissSuggestionCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({
    caller,
    period,
    data: request,
    expectedVersion,
  }: DismissSuggestionCommand): Promise<LagesbildResult> {
    const { sectionId, path, start, end, kind } = request;
    return this.lagesbild.run(
      caller,
      period,
      {
        type: 'DismissSuggestion',
        data: {
          sectionId,
          path,
          start,
          end,
          kind,
          reason: request.reason ?? '',
          actorId: caller.context.actorId,
        },
      },
      expectedVersion,
    );
  }
}
