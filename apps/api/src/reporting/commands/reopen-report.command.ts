import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { ReportChanges } from './report-changes.js';

/** The coordinator reopens a report of a compiled week for changes, with a reason. */
export class ReopenReportCommand extends Command<ReportView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
    readonly reason: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(ReopenReportCommand)
export class ReopenReportHandler implements ICommandHandler<ReopenReportCommand> {
  constructor(private readonly changes: ReportChanges) {}

  execute({ caller, reportId, reason, expectedVersion }: ReopenReportCommand): Promise<ReportView> {
    return this.changes.onReport(caller, reportId, 'reopen', expectedVersion, [], (period) => ({
      type: 'ReopenReport',
      data: { reason, period },
    }));
  }
}
