import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ErasureAnswer, ErasureRequest } from '@laget/contracts';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { type RequestContext, newIdFor } from '../../platform/commands/request-context.js';
import { matchKindOf, matcherFor } from '../erasure-match.js';
import { erasureStream, gallringRecordDecider } from '../gallring.decider.js';
import { Shredder } from '../shredder.js';
import { StoredCopies } from '../stored-copies.js';

/**
 * Erasure on request (`POST /api/erasures`): every value of internal material that holds the
 * person (a name or other text, a personnummer, a phone number, an e-mail address) is shredded,
 * the rest of each report and lägesbild stays readable; recorded as `PersonalDataErased` with the
 * legal ground, the reason, what kind of match and where, never the match or the erased text.
 * Published open versions are not in the log's personal data (their artefacts are kept apart)
 * and stay as published. The plain copies outside the log that hold the person go too
 * (stored-copies.ts: answers kept for replays, outbox e-mails). A dry run answers where, and changes nothing.
 */
export class ErasePersonalDataCommand extends Command<ErasureAnswer> {
  constructor(
    readonly context: RequestContext,
    readonly request: ErasureRequest,
  ) {
    super();
  }
}

@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    private readonly shredder: Shredder,
    private readonly copies: StoredCopies,
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ context, request }: ErasePersonalDataCommand): Promise<ErasureAnswer> {
    const plan = await this.shredder.planErasure(request.match);
    const dryRun = request.dryRun ?? false;
    const matchKind = matchKindOf(request.match);
    const erasureId = dryRun ? randomUUID() : newIdFor(context, 'erasure');
    const matches = matcherFor(request.match);
    if (!dryRun && plan.erased > 0) await this.shredder.erase(plan);
    // After the log (a failure there leaves the copies for the retry), before the record.
    const copies = await this.copies.erase(matches, dryRun);
    const storedCopies = copies.answers + copies.emails;
    const answer = {
      erasureId,
      dryRun,
      matchKind,
      erased: plan.erased,
      locations: plan.locations,
      storedCopies,
    };
    if (dryRun) return answer;
    const rebuilt = plan.erased > 0 ? await this.shredder.afterShred() : [];
    await this.runner.run(
      erasureStream(erasureId),
      gallringRecordDecider,
      {
        type: 'Record',
        event: {
          type: 'PersonalDataErased',
          data: {
            erasureId,
            at: this.clock.now().toISOString(),
            matchKind,
            legalGround: request.legalGround,
            reason: request.reason,
            erased: plan.erased,
            locations: plan.locations,
            storedCopies,
            rebuilt,
          },
        },
      },
      { context },
    );
    return answer;
  }
}
