import { DomainError } from '../platform/domain/domain-error.js';
import type { IncidentScope } from '@laget/contracts';
import type { OccurredAt } from './occurred-at.js';

/**
 * An incident of a report, its fields, one field's change, and what the report decider knows about
 * them: their changes and their category rule. The decider re-exports the types.
 */

export interface Incident {
  id: string;
  problem: string;
  location: string;
  placeId: string | null;
  occurredAt: OccurredAt;
  frequency: string;
  assessment: { severity: number; scope: IncidentScope };
  comment: string;
  /** A key of the municipality's incident categories; `okategoriserad` on old incidents (upcaster). */
  category: string;
  tags: string[];
}

export type IncidentFields = Omit<Incident, 'id'>;

/** One field's change; `field` is a dotted path such as `assessment.severity` or `statistics.brott`. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

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
