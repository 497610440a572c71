/**
 * What other features may use of åtgärder: its queries, dispatched on the QueryBus (the
 * lägesbild's compile asks for the week's ongoing actions).
 */
export { OngoingActionsQuery } from './queries/ongoing-actions.query.js';
export { PublishedPlansQuery } from './plan/published-plans.query.js';
