import { lagesbildDecider } from '../lagesbild/lagesbild.decider.js';

/**
 * The lägesbild decider as the publication's handlers fold and append with it. One instance for
 * all of them: the command runner caches folded states per decider, so the query that loads a week
 * for the publish job and the command that records its outcome share the one cached state.
 * The default policy: recording a publication's outcome does not depend on it.
 */
export const publicationDecider = lagesbildDecider();
