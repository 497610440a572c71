import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ProblemIncidentView, ProblemView } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import type { Caller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { addWeeks, formatPeriod, periodContaining } from '../../reporting/period.js';
import { ensureMayChangeProblem, ensureMayReadProblem } from '../atgarder-access.js';
import { AtgarderProjections } from '../atgarder-projections.runner.js';
import { incidentRows, type ProblemFilter, problemRows, suggestedIncidentRows } from '../atgarder.queries.js';
import { incidentView, problemView } from '../atgarder-views.js';

/** How far back link suggestions look (issue 19: the last 8 weeks). */
export const SUGGESTION_WEEKS = 8;

/** The problems, filtered by status and category (coordinator, est_member). */
export class ListProblemsQuery extends Query<ProblemView[]> {
  constructor(
    readonly caller: Caller,
    readonly filter: ProblemFilter,
  ) {
    super();
  }
}

/** One problem. */
export class GetProblemQuery extends Query<ProblemView> {
  constructor(
    readonly caller: Caller,
    readonly problemId: string,
  ) {
    super();
  }
}

/** A problem's linked incidents across weeks, and incidents suggested for it. */
export class ProblemIncidentsQuery extends Query<{
  linked: ProblemIncidentView[];
  suggested: ProblemIncidentView[];
}> {
  constructor(
    readonly caller: Caller,
    readonly problemId: string,
  ) {
    super();
  }
}

abstract class ProblemReads {
  constructor(
    @Inject(READ_DB) protected readonly db: SqlDatabase,
    protected readonly projections: AtgarderProjections,
  ) {}

  protected async one(caller: Caller, problemId: string) {
    ensureMayReadProblem(caller, problemId);
    await this.projections.waitUntilCaughtUp();
    const { rows } = await this.db.query<{ state: never; version: number }>(
      'SELECT state, version FROM atgarder_problems WHERE problem_id = $1',
      [problemId],
    );
    const row = rows[0];
    if (!row) throw notFound('Problem');
    return { state: row.state, version: Number(row.version) };
  }
}

@QueryHandler(ListProblemsQuery)
export class ListProblemsHandler extends ProblemReads implements IQueryHandler<ListProblemsQuery> {
  async execute({ caller, filter }: ListProblemsQuery) {
    ensureMayChangeProblem(caller, 'read');
    await this.projections.waitUntilCaughtUp();
    return (await problemRows(this.db, filter)).map(({ state, version }) => problemView(state, version));
  }
}

@QueryHandler(GetProblemQuery)
export class GetProblemHandler extends ProblemReads implements IQueryHandler<GetProblemQuery> {
  async execute({ caller, problemId }: GetProblemQuery) {
    const { state, version } = await this.one(caller, problemId);
    return problemView(state, version);
  }
}

@QueryHandler(ProblemIncidentsQuery)
export class ProblemIncidentsHandler extends ProblemReads implements IQueryHandler<ProblemIncidentsQuery> {
  constructor(
    @Inject(READ_DB) db: SqlDatabase,
    projections: AtgarderProjections,
    private readonly clock: Clock,
  ) {
    super(db, projections);
  }

  async execute({ caller, problemId }: ProblemIncidentsQuery) {
    const { state } = await this.one(caller, problemId);
    const problem = problemView(state, 0);
    const linked = await incidentRows(this.db, problem.incidentIds);
    const from = formatPeriod(addWeeks(periodContaining(this.clock.now()), -(SUGGESTION_WEEKS - 1)));
    const suggested = problem.status === 'closed' ? [] : await suggestedIncidentRows(this.db, problem, from);
    return { linked: linked.map(incidentView), suggested: suggested.map(incidentView) };
  }
}
