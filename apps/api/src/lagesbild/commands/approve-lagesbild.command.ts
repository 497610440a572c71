import { asSubject } from '@laget/permissions';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requireAllowed } from '../lagesbild-access.js';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';
import { internalDocument } from '../lagesbild-views.js';
import { ScannerOptionsSource } from '../scanner-options.js';

/** Approve the open version as it stands; `contentHash` is the one the approver read (409 when it has changed). */
export class ApproveLagesbildCommand extends LagesbildChange<{ contentHash?: string }> {}

@CommandHandler(ApproveLagesbildCommand)
export class ApproveLagesbildHandler implements ICommandHandler<ApproveLagesbildCommand> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly scannerOptions: ScannerOptionsSource,
  ) {}

  async execute({
    caller,
    period,
    data,
    expectedVersion,
  }: ApproveLagesbildCommand): Promise<LagesbildResult> {
    // Who may approve depends on the week's status and the four-eyes setting: checked on the loaded week.
    const { state } = await this.lagesbild.loadCompiled(period);
    const status = internalDocument(state, 0).status;
    const { fourEyes } = this.lagesbild.settings.policy;
    requireAllowed(
      caller,
      caller.ability.can('approve', asSubject('Lagesbild', { id: period, view: 'open', status, fourEyes })),
    );
    return this.lagesbild.run(
      caller,
      period,
      {
        type: 'ApproveLagesbild',
        data: {
          actorId: caller.context.actorId,
          ...(data.contentHash ? { contentHash: data.contentHash } : {}),
          scanner: await this.scannerOptions.options(),
        },
      },
      expectedVersion,
    );
  }
}
