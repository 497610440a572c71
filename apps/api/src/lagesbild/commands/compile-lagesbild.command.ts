import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../platform/commands/clock.js';
import { ReportingService } from '../../reporting/reporting.service.js';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Compile the week: a snapshot of every submitted report. Before the deadline only with `confirmEarly` (early-compile.ts). */
export class CompileLagesbildCommand extends LagesbildChange<{ confirmEarly: boolean }> {}

@CommandHandler(CompileLagesbildCommand)
export class CompileLagesbildHandler implements ICommandHandler<CompileLagesbildCommand> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly reporting: ReportingService,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, period, data }: CompileLagesbildCommand): Promise<LagesbildResult> {
    const reports = await this.reporting.submittedSnapshots(period);
    const timing = {
      at: this.clock.now().toISOString(),
      deadline: this.reporting.reportingDeadline(period),
      missingOrganisations: await this.reporting.organisationsWithoutReport(reports),
      confirmEarly: data.confirmEarly,
    };
    return this.lagesbild.run(caller, period, {
      type: 'CompileLagesbild',
      data: {
        period,
        background: this.lagesbild.settings.background,
        reports,
        actorId: caller.context.actorId,
        timing,
      },
    });
  }
}
