import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReportView } from '@laget/contracts';
import { ANY, type EventStore } from '@laget/event-store';
import type { SignedInCaller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { metadataFor } from '../../platform/commands/request-context.js';
import { EVENT_STORE } from '../../platform/platform.tokens.js';
import { visibleReport } from '../report-access.js';
import { ReportAndWeekCommands, reportView, type LoadedReport } from '../report-and-week.js';
import { reportReadStream } from '../reporting-streams.js';

/** A report with its incidents, read from its stream (exact and current); 404 where the caller may not see it. */
export class GetReportQuery extends Query<ReportView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
  ) {
    super();
  }
}

@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(
    private readonly reports: ReportAndWeekCommands,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async execute({ caller, reportId }: GetReportQuery): Promise<ReportView> {
    const report = visibleReport(caller, await this.reports.load(reportId));
    if (caller.actor.organisationId !== report.state.organisationId) await this.logRead(caller, report);
    return reportView(report.state, report.version, report.period);
  }

  /**
   * Reads of another organisation's report are internal content read (DESIGN.md: "Reads of
   * internal content are logged"): recorded as a fact the audit trail shows. An organisation
   * reading its own report, as the editor does on every reload, is not.
   */
  private async logRead(caller: SignedInCaller, report: LoadedReport): Promise<void> {
    await this.eventStore.append(
      reportReadStream(report.state.reportId),
      [
        {
          type: 'ReportRead',
          data: {
            reportId: report.state.reportId,
            period: report.state.period,
            organisationId: report.state.organisationId,
            version: report.version,
          },
          metadata: metadataFor(caller.context, this.clock.now()),
        },
      ],
      { expectedVersion: ANY },
    );
  }
}
