import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../platform/domain/domain-error.js';
import { SubmittedSnapshotQuery } from '../../reporting/index.js';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Take a report's latest submitted version in (a recorded recompile). */
export class TakeInReportCommand extends LagesbildChange<{ reportId: string; reason: string }> {}

@CommandHandler(TakeInReportCommand)
export class TakeInReportHandler implements ICommandHandler<TakeInReportCommand> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, period, data, expectedVersion }: TakeInReportCommand): Promise<LagesbildResult> {
    const report = await this.queryBus.execute(new SubmittedSnapshotQuery(data.reportId));
    if (!report) throw new DomainError('not_found', `Report ${data.reportId} has no submitted version`);
    return this.lagesbild.run(
      caller,
      period,
      { type: 'TakeInReport', data: { report, reason: data.reason, actorId: caller.context.actorId } },
      expectedVersion,
    );
  }
}
