import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { DomainError } from '../../platform/domain/domain-error.js';
import { ReportingService } from '../../reporting/reporting.service.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Take a report's latest submitted version in (a recorded recompile). */
export class TakeInReportCommand extends Command<LagesbildResult> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly data: { reportId: string; reason: string },
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(TakeInReportCommand)
export class TakeInReportHandler implements ICommandHandler<TakeInReportCommand> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly reporting: ReportingService,
  ) {}

  async execute({ caller, period, data, expectedVersion }: TakeInReportCommand): Promise<LagesbildResult> {
    const report = await this.reporting.submittedSnapshot(data.reportId);
    if (!report) throw new DomainError('not_found', `Report ${data.reportId} has no submitted version`);
    return this.lagesbild.run(
      caller,
      period,
      { type: 'TakeInReport', data: { report, reason: data.reason, actorId: caller.context.actorId } },
      expectedVersion,
    );
  }
}
