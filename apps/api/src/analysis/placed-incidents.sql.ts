import type { SqlDatabase } from '@laget/event-store';

/** An incident of a counted (submitted) report that points at a place of the register. */
export interface PlacedIncidentFact {
  reportId: string;
  incidentId: string;
  period: string;
  organisationId: string;
  category: string;
  placeId: string;
  severity: number | null;
}

export interface PlacedIncidentFilter {
  from: string;
  to: string;
  category?: string | undefined;
  organisationId?: string | undefined;
}

/**
 * The facts of the incidents at places (the map, issue 20) over a range of weeks: the trends'
 * covering index narrows by kind and week; every value is a parameter. Unordered: a map has no
 * order, and sorting 10,000 rows cost the database half the query (bench/map.bench.ts).
 */
export async function placedIncidentFacts(
  db: SqlDatabase,
  filter: PlacedIncidentFilter,
): Promise<PlacedIncidentFact[]> {
  const params: unknown[] = [filter.from, filter.to];
  const where = ['counted', "kind = 'incident'", 'period BETWEEN $1 AND $2', 'place_id IS NOT NULL'];
  if (filter.category) where.push(`category = $${params.push(filter.category)}`);
  if (filter.organisationId) where.push(`organisation_id = $${params.push(filter.organisationId)}`);
  // One row holding a JSON array rather than 10,000 rows: the driver's per-row work was most of
  // the query's time (bench/map.bench.ts); JSON.parse of the array is native.
  const { rows } = await db.query<{ facts: string | FactTuple[] | null }>(
    `SELECT json_agg(json_build_array(fact_id, report_id, period, organisation_id, category, place_id, severity))
       AS facts
     FROM analysis_facts WHERE ${where.join(' AND ')}`,
    params,
  );
  const raw = rows[0]?.facts ?? null;
  const tuples: FactTuple[] =
    raw === null ? [] : typeof raw === 'string' ? (JSON.parse(raw) as FactTuple[]) : raw;
  return tuples.map(([factId, reportId, period, organisationId, category, placeId, severity]) => ({
    reportId,
    // The fact's id is `i:<reportId>:<incidentId>` (facts.projection.ts).
    incidentId: factId.slice(`i:${reportId}:`.length),
    period,
    organisationId,
    category,
    placeId,
    severity: severity === null ? null : Number(severity),
  }));
}

type FactTuple = [string, string, string, string, string, string, number | null];
