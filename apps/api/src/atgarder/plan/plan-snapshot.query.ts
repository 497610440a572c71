import { Inject } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IncidentCategoriesQuery } from '../../reporting/index.js';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../../platform/platform.tokens.js';
import { AtgarderProjections } from '../atgarder-projections.runner.js';
import { incidentRows, planActionRows, problemRows } from '../atgarder.queries.js';
import { actionSnapshot } from './action-snapshot.js';
import type { PlanSnapshot } from './plan-snapshot.js';

/** What the year's åtgärdsplan is compiled from: the active problems, their weeks and actions. */
export class PlanSnapshotQuery extends Query<PlanSnapshot> {
  constructor(readonly year: number) {
    super();
  }
}

@QueryHandler(PlanSnapshotQuery)
export class PlanSnapshotHandler implements IQueryHandler<PlanSnapshotQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: AtgarderProjections,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ year }: PlanSnapshotQuery): Promise<PlanSnapshot> {
    await this.projections.waitUntilCaughtUp();
    const problems = await problemRows(this.db, { status: 'active' });
    // The plan records the category's words, as the municipality names it.
    const labels = new Map(
      (await this.queryBus.execute(new IncidentCategoriesQuery())).map((category) => [
        category.key,
        category.label,
      ]),
    );
    const planProblems = [];
    for (const { state } of problems) {
      const counts = new Map<string, number>();
      for (const incident of await incidentRows(this.db, state.incidentIds)) {
        if (!incident.period.startsWith(`${year}-W`) || incident.withdrawn) continue;
        counts.set(incident.period, (counts.get(incident.period) ?? 0) + 1);
      }
      planProblems.push({
        problemId: state.problemId,
        title: state.title,
        category: labels.get(state.category) ?? state.category,
        status: state.status,
        description: state.description,
        weeks: [...counts]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([period, incidents]) => ({ period, incidents })),
      });
    }
    const actions = (
      await planActionRows(
        this.db,
        planProblems.map((problem) => problem.problemId),
      )
    ).map(({ state, problemTitle, organisationName }) =>
      actionSnapshot(state, problemTitle, organisationName),
    );
    return { year, problems: planProblems, actions };
  }
}
