import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { OngoingActionsQuery } from '../../lagesbild/queries/ongoing-actions.query.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { AtgarderProjections } from '../atgarder-projections.runner.js';
import { ongoingActionRows } from '../atgarder.queries.js';

/** Answers the lägesbild compile's question for the week's "Pågående åtgärder". */
@QueryHandler(OngoingActionsQuery)
export class OngoingActionsHandler implements IQueryHandler<OngoingActionsQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: AtgarderProjections,
  ) {}

  async execute({ from, to }: OngoingActionsQuery) {
    await this.projections.waitUntilCaughtUp();
    return (await ongoingActionRows(this.db, from, to)).map(({ state, problemTitle, organisationName }) => {
      const latest = state.followUps.at(-1);
      return {
        actionId: state.actionId,
        problemTitle: problemTitle ?? '',
        title: state.title,
        ownerOrganisationName: organisationName ?? state.ownerOrganisationId,
        status: state.status,
        startsOn: state.startsOn,
        dueOn: state.dueOn,
        public: state.public,
        latestFollowUp: latest ? { on: latest.on, effect: latest.effect, text: latest.text } : null,
      };
    });
  }
}
