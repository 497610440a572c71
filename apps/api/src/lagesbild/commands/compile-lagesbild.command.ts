import { CommandHandler, type ICommandHandler, QueryBus, QueryHandlerNotFoundException } from '@nestjs/cqrs';
import type { OngoingActionSnapshot } from '@laget/contracts';
import { Clock } from '../../platform/commands/clock.js';
import {
  OrganisationsWithoutReportQuery,
  ReportingDeadlineQuery,
  SubmittedSnapshotsQuery,
} from '../../reporting/index.js';
import { tryParseAnalysisPeriod, weeksOf } from '../../reporting/analysis-period.js';
import {
  configuredLabels,
  gatherPeriodReports,
  previousPeriodComparison,
  weekRedactions,
} from '../analysis-gathering.js';
import { calendarOf, parsePeriod } from '../../reporting/period.js';
import { LagesbildChange } from './lagesbild-change.js';
import { fieldValue } from '../redaction-target.js';
import { OngoingActionsQuery } from '../queries/ongoing-actions.query.js';
import { LagesbildAggregate, type LagesbildResult } from '../lagesbild-aggregate.js';

/**
 * Compile the week: a snapshot of every submitted report. Before the deadline only with `confirmEarly` (early-compile.ts).
 * A month, tertial or year compiles a period analysis from its weeks' submitted reports (compile-analysis.ts).
 */
export class CompileLagesbildCommand extends LagesbildChange<{ confirmEarly: boolean }> {}

@CommandHandler(CompileLagesbildCommand)
export class CompileLagesbildHandler implements ICommandHandler<CompileLagesbildCommand> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, period, data }: CompileLagesbildCommand): Promise<LagesbildResult> {
    const analysis = tryParseAnalysisPeriod(period);
    if (analysis) {
      // A period analysis has no deadline of its own: it gathers what its weeks hold now.
      const labels = await configuredLabels(this.queryBus);
      const [reports, comparison] = await Promise.all([
        gatherPeriodReports(this.queryBus, analysis, labels),
        previousPeriodComparison(this.queryBus, analysis, labels),
      ]);
      let result = await this.lagesbild.run(caller, period, {
        type: 'CompileLagesbild',
        data: {
          period,
          background: this.lagesbild.settings.background,
          reports,
          actorId: caller.context.actorId,
          ...(comparison ? { comparison } : {}),
        },
      });
      // What a week kept out of its open version stays out of the analysis' (each a recorded
      // redaction): the incidents it left out, and the masks on incidents' places.
      const carried = await weekRedactions(this.lagesbild, weeksOf(analysis));
      const incidentsNow = () => result.state.sections.find((section) => section.kind === 'incidents');
      const itemsNow = () => incidentsNow()?.items ?? [];
      for (const exclusion of carried.exclusions) {
        const index = itemsNow().findIndex((item) => item.id === exclusion.itemId);
        if (index < 0) continue;
        result = await this.lagesbild.run(caller, period, {
          type: 'ApplyRedaction',
          data: {
            redactionId: `carried-${exclusion.week}-${exclusion.itemId}`,
            sectionId: 'incidents',
            path: `/items/${index}`,
            target: { kind: 'exclude' },
            legalGround: exclusion.legalGround,
            reason: `Utelämnad ur den öppna versionen av ${exclusion.week}: ${exclusion.reason}`,
            actorId: caller.context.actorId,
          },
        });
      }
      const excluded = new Set(carried.exclusions.map((exclusion) => exclusion.itemId));
      for (const [n, mask] of carried.locationMasks.entries()) {
        const index = itemsNow().findIndex((item) => item.id === mask.itemId);
        const section = incidentsNow();
        const location = section ? fieldValue(section, mask.itemId, 'location') : undefined;
        if (index < 0 || excluded.has(mask.itemId) || !location) continue;
        // The same span where the place reads as it did in the week; otherwise all of it.
        const same = location === mask.location;
        result = await this.lagesbild.run(caller, period, {
          type: 'ApplyRedaction',
          data: {
            redactionId: `carried-mask-${mask.week}-${mask.itemId}-${n + 1}`,
            sectionId: 'incidents',
            path: `/items/${index}/location`,
            target: { kind: 'mask', start: same ? mask.start : 0, end: same ? mask.end : location.length },
            legalGround: mask.legalGround,
            reason: `Maskerad i den öppna versionen av ${mask.week}: ${mask.reason}`,
            actorId: caller.context.actorId,
          },
        });
      }
      return result;
    }
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
