import { Query } from '@nestjs/cqrs';
import type { OngoingActionSnapshot } from '@laget/contracts';

/**
 * What the compile of a week asks for its "Pågående åtgärder" (issue 19): the actions ongoing
 * during the week (`from`–`to`, ISO dates), or due in it whatever their status but cancelled.
 * Declared here, by the feature that asks, and answered by the åtgärder feature's handler, so
 * that the lägesbild does not depend on a feature built on top of it; without that feature
 * loaded the query has no handler and a week lists no actions.
 */
export class OngoingActionsQuery extends Query<OngoingActionSnapshot[]> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
