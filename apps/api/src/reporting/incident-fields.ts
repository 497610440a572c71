import { DomainError } from '../platform/domain/domain-error.js';
import type { FieldChange, IncidentFields } from './report.decider.js';

/** What the report decider knows about one incident's fields: their changes and their category rule. */

/** A new or changed category must be one of the municipality's (an old incident keeps `okategoriserad`). */
export function checkIncidentCategory(category: string, allowed: readonly string[]): void {
  if (!allowed.includes(category)) {
    throw new DomainError(
      'invalid',
      `Kategori: "${category}" finns inte i kommunens lista / category is not in the municipality's list`,
      { field: 'category', allowed },
    );
  }
}

const INCIDENT_FIELDS = [
  'problem',
  'category',
  'tags',
  'location',
  'placeId',
  'occurredAt',
  'frequency',
  'comment',
] as const;

/** Field-level differences; `null` on one side means the incident was added or withdrawn. */
export function diffIncident(before: IncidentFields | null, after: IncidentFields | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of INCIDENT_FIELDS) {
    const b = before ? before[field] : null;
    const a = after ? after[field] : null;
    if (!sameValue(b, a)) changes.push({ field, before: b, after: a });
  }
  for (const field of ['severity', 'scope'] as const) {
    const b = before ? before.assessment[field] : null;
    const a = after ? after.assessment[field] : null;
    if (b !== a) changes.push({ field: `assessment.${field}`, before: b, after: a });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
