import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { ReportChanges } from './report-changes.js';

/** Submits the report (again, after an amendment). */
export class SubmitReportCommand extends Command<ReportView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(SubmitReportCommand)
export class SubmitReportHandler implements ICommandHandler<SubmitReportCommand> {
  constructor(private readonly changes: ReportChanges) {}

  execute({ caller, reportId, expectedVersion }: SubmitReportCommand): Promise<ReportView> {
    return this.changes.onReport(caller, reportId, 'submit', expectedVersion, [], (period) => ({
      type: 'SubmitReport',
      data: { at: this.changes.now(), period },
    }));
  }
}
