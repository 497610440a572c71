import { AddIncidentHandler } from './add-incident.command.js';
import { EditIncidentHandler } from './edit-incident.command.js';
import { EditPlaceHandler } from './edit-place.command.js';
import { EditReportHandler } from './edit-report.command.js';
import { OpenReportHandler } from './open-report.command.js';
import { RegisterPlaceHandler } from './register-place.command.js';
import { ReopenReportHandler } from './reopen-report.command.js';
import { RetirePlaceHandler } from './retire-place.command.js';
import { SubmitReportHandler } from './submit-report.command.js';
import { WithdrawIncidentHandler } from './withdraw-incident.command.js';
import { WithdrawReportHandler } from './withdraw-report.command.js';

export { AddIncidentCommand, type IncidentAnswer } from './add-incident.command.js';
export { EditIncidentCommand } from './edit-incident.command.js';
export { EditPlaceCommand } from './edit-place.command.js';
export { EditReportCommand } from './edit-report.command.js';
export { OpenReportCommand } from './open-report.command.js';
export { RegisterPlaceCommand } from './register-place.command.js';
export { ReopenReportCommand } from './reopen-report.command.js';
export { RetirePlaceCommand } from './retire-place.command.js';
export { SubmitReportCommand } from './submit-report.command.js';
export { WithdrawIncidentCommand } from './withdraw-incident.command.js';
export { WithdrawReportCommand } from './withdraw-report.command.js';
export { ReportChanges } from './report-changes.js';
export { ReportGuards } from './report-guards.js';

/** Every state change of reporting, each a command on the CommandBus. */
export const reportingCommandHandlers = [
  OpenReportHandler,
  EditReportHandler,
  SubmitReportHandler,
  WithdrawReportHandler,
  ReopenReportHandler,
  AddIncidentHandler,
  EditIncidentHandler,
  WithdrawIncidentHandler,
  RegisterPlaceHandler,
  EditPlaceHandler,
  RetirePlaceHandler,
];
