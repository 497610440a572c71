import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LagesbildAggregate } from '../lagesbild-aggregate.js';
import type { Audience } from '../lagesbild-state.js';

/** The week's target groups whole, so that one can be edited without starting over. */
export class ListAudiencesQuery extends Query<Audience[]> {
  constructor(readonly period: string) {
    super();
  }
}

@QueryHandler(ListAudiencesQuery)
export class ListAudiencesHandler implements IQueryHandler<ListAudiencesQuery> {
  constructor(private readonly lagesbild: LagesbildAggregate) {}

  async execute({ period }: ListAudiencesQuery): Promise<Audience[]> {
    const { state } = await this.lagesbild.loadCompiled(period);
    return structuredClone(state.audiences);
  }
}
