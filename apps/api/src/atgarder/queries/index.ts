import { GetActionHandler, ListActionsHandler } from './actions.query.js';
import { IncidentHandler } from './incident.query.js';
import { OngoingActionsHandler } from './ongoing-actions.query.js';
import { OpenActionsHandler } from './open-actions.query.js';
import { OutboxHandler } from './outbox.query.js';
import { GetProblemHandler, ListProblemsHandler, ProblemIncidentsHandler } from './problems.query.js';

export { GetActionQuery, ListActionsQuery } from './actions.query.js';
export { IncidentQuery } from './incident.query.js';
export { OpenActionsQuery } from './open-actions.query.js';
export { OutboxQuery } from './outbox.query.js';
export { GetProblemQuery, ListProblemsQuery, ProblemIncidentsQuery } from './problems.query.js';

/** Every read of problems and actions, each a query on the QueryBus. */
export const atgarderQueryHandlers = [
  ListProblemsHandler,
  GetProblemHandler,
  ProblemIncidentsHandler,
  ListActionsHandler,
  GetActionHandler,
  IncidentHandler,
  OpenActionsHandler,
  OutboxHandler,
  OngoingActionsHandler,
];
