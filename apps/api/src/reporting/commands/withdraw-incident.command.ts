import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { findIncident, ReportChanges } from './report-changes.js';

/** Withdraws one incident of a report, with an optional reason. */
export class WithdrawIncidentCommand extends Command<ReportView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
    readonly incidentId: string,
    readonly reason: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(WithdrawIncidentCommand)
export class WithdrawIncidentHandler implements ICommandHandler<WithdrawIncidentCommand> {
  constructor(private readonly changes: ReportChanges) {}

  execute({
    caller,
    reportId,
    incidentId,
    reason,
    expectedVersion,
  }: WithdrawIncidentCommand): Promise<ReportView> {
    return this.changes.onIncident(caller, reportId, 'delete', expectedVersion, [], (period, state) => {
      findIncident(state, incidentId);
      return { type: 'WithdrawIncident', data: { incidentId, reason, period } };
    });
  }
}
