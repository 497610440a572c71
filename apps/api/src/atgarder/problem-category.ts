import type { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../platform/domain/domain-error.js';
import { IncidentCategoriesQuery } from '../reporting/index.js';

/** A problem's category is one of the municipality's incident categories (so suggestions can match). */
export async function ensureKnownCategory(queryBus: QueryBus, category: string | undefined): Promise<void> {
  if (category === undefined) return;
  const allowed = (await queryBus.execute(new IncidentCategoriesQuery())).map((known) => known.key);
  if (!allowed.includes(category)) {
    throw new DomainError(
      'invalid',
      `Kategori: "${category}" finns inte i kommunens lista / category: not one of the municipality's categories`,
      { field: 'category', allowed },
    );
  }
}
