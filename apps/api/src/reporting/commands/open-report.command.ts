import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { OpenReportRequest, ReportView } from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import type { SignedInCaller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { DomainError } from '../../platform/domain/domain-error.js';
import { parsePeriod } from '../period.js';
import { ReportAndWeekCommands } from '../report-and-week.js';
import { reportDecider } from '../report.decider.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { reportIdFor } from '../reporting-streams.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';
import { checkReportingWindow, type OpenedAs } from '../reporting-window.js';
import { ReportGuards } from './report-guards.js';

/** An organisation's report for a week (one per organisation and week). */
export class OpenReportCommand extends Command<ReportView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly data: OpenReportRequest,
  ) {
    super();
  }
}

@CommandHandler(OpenReportCommand)
export class OpenReportHandler implements ICommandHandler<OpenReportCommand> {
  constructor(
    private readonly reports: ReportAndWeekCommands,
    private readonly guards: ReportGuards,
    private readonly clock: Clock,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  execute({ caller, data }: OpenReportCommand): Promise<ReportView> {
    const { actor } = caller;
    const openedAs: OpenedAs = actor.roles.includes('coordinator') ? 'coordinator' : 'reporter';
    checkReportingWindow(
      parsePeriod(data.period),
      this.clock.now(),
      this.settings.reportingWeeksBack,
      openedAs,
    );
    const reportId = reportIdFor(data.period, data.organisationId);
    const at = this.clock.now().toISOString();
    return this.reports.decide(caller.context, reportId, async (current) => {
      const subject = asSubject('Report', {
        id: reportId,
        organisationId: data.organisationId,
        periodStatus: current.period.status,
        status: 'draft',
        openedById: actor.userId,
      });
      if (!caller.ability.can('create', subject)) {
        throw new DomainError(
          'forbidden',
          current.period.status === 'open'
            ? 'Du får inte öppna en rapport för den organisationen / You may not open a report for that organisation'
            : 'Perioden är sammanställd / The period is compiled',
        );
      }
      await this.guards.ensureOrganisationActive(caller, data.organisationId);
      if (data.organisationId !== actor.organisationId)
        await this.guards.ensureOrganisation(data.organisationId);
      return reportDecider.decide(
        {
          type: 'OpenReport',
          data: {
            reportId,
            period: data.period,
            organisationId: data.organisationId,
            openedById: actor.userId,
            openedAs,
            at,
          },
        },
        current.state,
      );
    });
  }
}
