import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../../platform/platform.tokens.js';
import { AtgarderProjections } from '../atgarder-projections.runner.js';
import { incidentRow } from '../atgarder.queries.js';
import type { IncidentRow } from '../atgarder-views.js';

/** One incident of any week, or null (what linking checks before it links). */
export class IncidentQuery extends Query<IncidentRow | null> {
  constructor(readonly incidentId: string) {
    super();
  }
}

@QueryHandler(IncidentQuery)
export class IncidentHandler implements IQueryHandler<IncidentQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: AtgarderProjections,
  ) {}

  async execute({ incidentId }: IncidentQuery) {
    await this.projections.waitUntilCaughtUp();
    return incidentRow(this.db, incidentId);
  }
}
