import { CommandHandler, type ICommandHandler, QueryBus, QueryHandlerNotFoundException } from '@nestjs/cqrs';
import type { OngoingActionSnapshot } from '@laget/contracts';
import { OngoingActionsQuery } from '../../atgarder/index.js';
import { Clock } from '../../platform/commands/clock.js';
import {
  OrganisationsWithoutReportQuery,
  ReportingDeadlineQuery,
  SubmittedSnapshotsQuery,
} from '../../reporting/index.js';
import { calendarOf, parsePeriod } from '../../reporting/period.js';
import { LagesbildChange } from './lagesbild-change.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/** Compile the week: a snapshot of every submitted report. Before the deadline only with `confirmEarly` (early-compile.ts). */
export class CompileLagesbildCommand extends LagesbildChange<{ confirmEarly: boolean }> {}

@CommandHandler(CompileLagesbildCommand)
export class CompileLagesbildHandler implements ICommandHandler<CompileLagesbildCommand> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, period, data }: CompileLagesbildCommand): Promise<LagesbildResult> {
    const reports = await this.queryBus.execute(new SubmittedSnapshotsQuery(period));
    const timing = {
      at: this.clock.now().toISOString(),
      deadline: await this.queryBus.execute(new ReportingDeadlineQuery(period)),
      missingOrganisations: await this.queryBus.execute(new OrganisationsWithoutReportQuery(reports)),
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
        actions: await this.ongoingActions(period),
      },
    });
  }

  /** The week's "Pågående åtgärder" (issue 19); none where the åtgärder feature is not loaded (a test's bus). */
  private async ongoingActions(period: string): Promise<OngoingActionSnapshot[]> {
    const { startsOn, endsOn } = calendarOf(parsePeriod(period));
    try {
      return await this.queryBus.execute(new OngoingActionsQuery(startsOn, endsOn));
    } catch (error) {
      if (error instanceof QueryHandlerNotFoundException) return [];
      throw error;
    }
  }
}
