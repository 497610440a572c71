import type { ApplyRedactionRequest } from '@laget/contracts';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newIdFor } from '../../platform/commands/request-context.js';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';
import { redactionCommand } from '../redaction-commands.js';

/** What a redaction answers: the result, and the id its redactions are named by (`<id>` or `<id>-<n>`). */
export type RedactionResult = LagesbildResult & { redactionId: string };

/** Mask a span, leave an item or section out, or mask every occurrence of a text. */
export class ApplyRedactionCommand extends LagesbildChange<ApplyRedactionRequest, RedactionResult> {}

@CommandHandler(ApplyRedactionCommand)
export class ApplyRedactionHandler implements ICommandHandler<ApplyRedactionCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  async execute({
    caller,
    period,
    data: request,
    expectedVersion,
  }: ApplyRedactionCommand): Promise<RedactionResult> {
    const redactionId = newIdFor(caller.context, 'redaction'); // a retry names the same redaction
    const command = redactionCommand(request, redactionId, caller.context.actorId);
    return { ...(await this.lagesbild.run(caller, period, command, expectedVersion)), redactionId };
  }
}
