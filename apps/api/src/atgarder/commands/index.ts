import { AddFollowUpHandler, EditActionHandler } from './edit-action.command.js';
import { EditProblemHandler } from './edit-problem.command.js';
import { LinkIncidentHandler } from './link-incident.command.js';
import { OpenProblemHandler } from './open-problem.command.js';
import { PlanActionHandler } from './plan-action.command.js';

export { AddFollowUpCommand, EditActionCommand } from './edit-action.command.js';
export { EditProblemCommand } from './edit-problem.command.js';
export { LinkIncidentCommand } from './link-incident.command.js';
export { OpenProblemCommand } from './open-problem.command.js';
export { PlanActionCommand } from './plan-action.command.js';

/** Every state change of problems and actions, each a command on the CommandBus. */
export const atgarderCommandHandlers = [
  OpenProblemHandler,
  EditProblemHandler,
  LinkIncidentHandler,
  PlanActionHandler,
  EditActionHandler,
  AddFollowUpHandler,
];
