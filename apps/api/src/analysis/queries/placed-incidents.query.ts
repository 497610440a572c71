import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { Projections } from '../../platform/projections.service.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { FACTS_PROJECTION } from '../facts.projection.js';
import {
  placedIncidentFacts,
  type PlacedIncidentFact,
  type PlacedIncidentFilter,
} from '../placed-incidents.sql.js';

/**
 * The incidents of submitted reports that point at a place, over a range of weeks and filters:
 * what the map draws (issue 20). No free text: ids, week, category, severity. The asker checks
 * who may read it (the map feature: those who read the internal lägesbild).
 */
export class PlacedIncidentsQuery extends Query<PlacedIncidentFact[]> {
  constructor(readonly filter: PlacedIncidentFilter) {
    super();
  }
}

@QueryHandler(PlacedIncidentsQuery)
export class PlacedIncidentsHandler implements IQueryHandler<PlacedIncidentsQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: Projections,
  ) {}

  async execute({ filter }: PlacedIncidentsQuery): Promise<PlacedIncidentFact[]> {
    await this.projections.waitUntilCaughtUp({ only: [FACTS_PROJECTION] });
    return placedIncidentFacts(this.db, filter);
  }
}
