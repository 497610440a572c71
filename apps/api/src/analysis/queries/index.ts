import { TrendsHandler } from './trends.query.js';

export { TrendsQuery } from './trends.query.js';

/** Every read of the analysis, each a query on the QueryBus. */
export const analysisQueryHandlers = [TrendsHandler];
