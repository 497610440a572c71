import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LagesbildAggregate } from '../lagesbild-aggregate.js';
import { redactionOverview, type RedactionOverview } from '../lagesbild-views.js';

/** The week's redactions with legal ground, reason, current path and whether they are stale. */
export class ListRedactionsQuery extends Query<RedactionOverview[]> {
  constructor(readonly period: string) {
    super();
  }
}

@QueryHandler(ListRedactionsQuery)
export class ListRedactionsHandler implements IQueryHandler<ListRedactionsQuery> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  async execute({ period }: ListRedactionsQuery): Promise<RedactionOverview[]> {
    const { state } = await this.lagesbild.loadCompiled(period);
    return redactionOverview(state);
  }
}
