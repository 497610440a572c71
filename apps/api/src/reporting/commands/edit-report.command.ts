import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EditReportRequest, ReportView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';
import { ReportChanges } from './report-changes.js';

/** The report's attendance, narrative or police statistics, as the organisation writes them. */
export class EditReportCommand extends Command<ReportView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
    readonly data: EditReportRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(EditReportCommand)
export class EditReportHandler implements ICommandHandler<EditReportCommand> {
  constructor(
    private readonly changes: ReportChanges,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  execute({ caller, reportId, data, expectedVersion }: EditReportCommand): Promise<ReportView> {
    const fields = (['narrative', 'attendance', 'statistics'] as const).filter((f) => data[f] !== undefined);
    return this.changes.onReport(caller, reportId, 'update', expectedVersion, fields, (period) => ({
      type: 'EditReport',
      data: {
        ...(data.narrative !== undefined ? { narrative: data.narrative } : {}),
        ...(data.attendance !== undefined ? { attendance: data.attendance } : {}),
        ...(data.statistics !== undefined ? { statistics: data.statistics } : {}),
        categories: this.settings.crimeCategories.map((category) => category.key),
        period,
      },
    }));
  }
}
