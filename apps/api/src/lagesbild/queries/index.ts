import { LagesbildHistoryHandler } from './lagesbild-history.query.js';
import { ListAmendmentsHandler } from './list-amendments.query.js';
import { ListAudiencesHandler } from './list-audiences.query.js';
import { ListRedactionSuggestionsHandler } from './list-redaction-suggestions.query.js';
import { ListRedactionsHandler } from './list-redactions.query.js';
import { ReadLagesbildHandler } from './read-lagesbild.query.js';

export { LagesbildHistoryQuery } from './lagesbild-history.query.js';
export { ListAmendmentsQuery, type Amendment } from './list-amendments.query.js';
export { ListAudiencesQuery } from './list-audiences.query.js';
export { ListRedactionSuggestionsQuery } from './list-redaction-suggestions.query.js';
export { ListRedactionsQuery } from './list-redactions.query.js';
export { ReadLagesbildQuery, type ViewRequest, viewOf, viewQuery } from './read-lagesbild.query.js';

/** Every read of a week's lägesbild, one handler per query (lagesbild.feature.ts). */
export const lagesbildQueryHandlers = [
  ReadLagesbildHandler,
  LagesbildHistoryHandler,
  ListRedactionsHandler,
  ListRedactionSuggestionsHandler,
  ListAudiencesHandler,
  ListAmendmentsHandler,
];
