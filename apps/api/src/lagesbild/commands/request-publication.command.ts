import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { conflict } from '../../platform/domain/domain-error.js';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';
import type { Correction } from '../lagesbild-state.js';
import { publicationJobIdFor } from '../publication-job-id.js';

/** What a publication request answers: the result and the id of the job that publishes. */
export type PublicationRequestResult = LagesbildResult & { jobId: string };

/** Hand the approved revision to the publication job; a republication says what was corrected and why. */
export class RequestPublicationCommand extends LagesbildChange<
  { correction?: Correction },
  PublicationRequestResult
> {}

@CommandHandler(RequestPublicationCommand)
export class RequestPublicationHandler implements ICommandHandler<RequestPublicationCommand> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  async execute({
    caller,
    period,
    data,
    expectedVersion,
  }: RequestPublicationCommand): Promise<PublicationRequestResult> {
    const result = await this.lagesbild.run(
      caller,
      period,
      {
        type: 'RequestPublication',
        data: {
          actorId: caller.context.actorId,
          ...(data.correction ? { correction: data.correction } : {}),
        },
      },
      expectedVersion,
    );
    // The job id derives from the event, so a retry (Idempotency-Key) answers the same job.
    const requested = result.events.find((event) => event.type === 'PublicationRequested');
    if (!requested) throw conflict('Nothing was handed to publication');
    return { ...result, jobId: publicationJobIdFor(requested.eventId) };
  }
}
