import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { ReportChanges } from './report-changes.js';

/** Withdraws a submitted report (it no longer counts for the week). */
export class WithdrawReportCommand extends Command<ReportView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
    readonly reason: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(WithdrawReportCommand)
export class WithdrawReportHandler implements ICommandHandler<WithdrawReportCommand> {
  constructor(private readonly changes: ReportChanges) {}

  execute({ caller, reportId, reason, expectedVersion }: WithdrawReportCommand): Promise<ReportView> {
    return this.changes.onReport(caller, reportId, 'withdraw', expectedVersion, [], (period) => ({
      type: 'WithdrawReport',
      data: { at: this.changes.now(), reason, period },
    }));
  }
}
