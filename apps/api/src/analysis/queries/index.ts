import { PlacedIncidentsHandler } from './placed-incidents.query.js';
import { TrendsHandler } from './trends.query.js';

export { PlacedIncidentsQuery } from './placed-incidents.query.js';
export { mayReadTrends, TrendsQuery } from './trends.query.js';
export type { PlacedIncidentFact } from '../placed-incidents.sql.js';

/** Every read of the analysis, each a query on the QueryBus. */
export const analysisQueryHandlers = [TrendsHandler, PlacedIncidentsHandler];
