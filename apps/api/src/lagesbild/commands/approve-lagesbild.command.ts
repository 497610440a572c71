import { asSubject } from '@laget/permissions';
import { CommandHandler, type ICommandHandler, QueryBus, QueryHandlerNotFoundException } from '@nestjs/cqrs';
import { requireAllowed } from '../lagesbild-access.js';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';
import { internalDocument } from '../lagesbild-views.js';
import { ScannerOptionsSource } from '../scanner-options.js';
import type { ApprovedOpenMap } from '../lagesbild-state.js';
import { OpenMapToApproveQuery } from '../queries/open-map-to-approve.query.js';

/** Approve the open version as it stands; `contentHash` is the one the approver read (409 when it has changed). */
export class ApproveLagesbildCommand extends LagesbildChange<{
  contentHash?: string;
  /** The open map's hash as the approver saw it in the preview (null: no map). */
  openMapHash?: string | null;
}> {}

@CommandHandler(ApproveLagesbildCommand)
export class ApproveLagesbildHandler implements ICommandHandler<ApproveLagesbildCommand> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly scannerOptions: ScannerOptionsSource,
    private readonly queryBus: QueryBus,
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
    // The approval fixes the open map it saw (docs/adr/0030), so that publication can prove it
    // publishes that map and not one counted from areas redrawn after the approval.
    const openMap = await this.openMapToApprove(period);
    return this.lagesbild.run(
      caller,
      period,
      {
        type: 'ApproveLagesbild',
        data: {
          actorId: caller.context.actorId,
          ...(data.contentHash ? { contentHash: data.contentHash } : {}),
          scanner: await this.scannerOptions.options(),
          ...(openMap ? { openMap } : {}),
          ...(data.openMapHash !== undefined ? { seenOpenMapHash: data.openMapHash } : {}),
        },
      },
      expectedVersion,
    );
  }

  /** None where no feature counts maps (a test's bus without the publication): approved as before. */
  private async openMapToApprove(period: string): Promise<ApprovedOpenMap | undefined> {
    try {
      return await this.queryBus.execute(new OpenMapToApproveQuery(period));
    } catch (error) {
      if (error instanceof QueryHandlerNotFoundException) return undefined;
      throw error;
    }
  }
}
