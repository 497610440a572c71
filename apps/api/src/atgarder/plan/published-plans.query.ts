import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../../platform/platform.tokens.js';
import { PublishedPlansQuery } from '../../publication/queries/published-plans.query.js';

/** Answers the publication's question for the published åtgärdsplaner (its list and feed). */
@QueryHandler(PublishedPlansQuery)
export class PublishedPlansHandler implements IQueryHandler<PublishedPlansQuery> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute() {
    const { rows } = await this.db.query<{ year: number; published_at: string | Date }>(
      'SELECT year, published_at FROM atgarder_plans ORDER BY published_at DESC',
    );
    return rows.map((row) => ({ year: Number(row.year), publishedAt: new Date(row.published_at) }));
  }
}
