import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ActionView } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import type { Caller } from '../../identity/index.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { mayReadAction } from '../atgarder-access.js';
import { AtgarderProjections } from '../atgarder-projections.runner.js';
import { type ActionFilter, actionRows } from '../atgarder.queries.js';
import { actionView } from '../atgarder-views.js';

/** The actions the caller may read (a reporter: its own organisation's), filtered. */
export class ListActionsQuery extends Query<ActionView[]> {
  constructor(
    readonly caller: Caller,
    readonly filter: ActionFilter,
  ) {
    super();
  }
}

/** One action, 404 where the caller may not read it. */
export class GetActionQuery extends Query<ActionView> {
  constructor(
    readonly caller: Caller,
    readonly actionId: string,
  ) {
    super();
  }
}

@QueryHandler(ListActionsQuery)
export class ListActionsHandler implements IQueryHandler<ListActionsQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: AtgarderProjections,
  ) {}

  async execute({ caller, filter }: ListActionsQuery) {
    await this.projections.waitUntilCaughtUp();
    const rows = await actionRows(this.db, filter);
    // Visibility per row by the same rule as a single read.
    return rows
      .filter(({ state }) => mayReadAction(caller, state))
      .map(({ state, version }) => actionView(state, version));
  }
}

@QueryHandler(GetActionQuery)
export class GetActionHandler implements IQueryHandler<GetActionQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: AtgarderProjections,
  ) {}

  async execute({ caller, actionId }: GetActionQuery) {
    await this.projections.waitUntilCaughtUp();
    const { rows } = await this.db.query<{ state: never; version: number }>(
      'SELECT state, version FROM atgarder_actions WHERE action_id = $1',
      [actionId],
    );
    const row = rows[0];
    const state = row?.state as Parameters<typeof actionView>[0] | undefined;
    if (!row || !state || !mayReadAction(caller, state)) throw notFound('Action');
    return actionView(state, Number(row.version));
  }
}
