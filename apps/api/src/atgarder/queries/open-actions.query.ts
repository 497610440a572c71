import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../../platform/platform.tokens.js';
import type { PlannedAction } from '../action.decider.js';
import { AtgarderProjections } from '../atgarder-projections.runner.js';
import { openActionRows } from '../atgarder.queries.js';

/** Every planned or ongoing action (the reminder jobs' read; no caller: the system asks). */
export class OpenActionsQuery extends Query<Array<{ state: PlannedAction; lastFollowUpOn: string | null }>> {}

@QueryHandler(OpenActionsQuery)
export class OpenActionsHandler implements IQueryHandler<OpenActionsQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: AtgarderProjections,
  ) {}

  async execute() {
    await this.projections.waitUntilCaughtUp();
    return openActionRows(this.db);
  }
}
