import type { DismissSuggestionRequest } from '@laget/contracts';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Dismiss a redaction suggestion (recorded); it stays dismissed while its text is unchanged. */
export class DismissSuggestionCommand extends Command<LagesbildResult> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly request: DismissSuggestionRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(DismissSuggestionCommand)
export class DismissSuggestionHandler implements ICommandHandler<DismissSuggestionCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  execute({ caller, period, request, expectedVersion }: DismissSuggestionCommand): Promise<LagesbildResult> {
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
