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
 * covering index narrows by kind and week; every value is a parameter.
 */
export async function placedIncidentFacts(
  db: SqlDatabase,
  filter: PlacedIncidentFilter,
): Promise<PlacedIncidentFact[]> {
  const params: unknown[] = [filter.from, filter.to];
  const where = ['counted', "kind = 'incident'", 'period BETWEEN $1 AND $2', 'place_id IS NOT NULL'];
  if (filter.category) where.push(`category = $${params.push(filter.category)}`);
  if (filter.organisationId) where.push(`organisation_id = $${params.push(filter.organisationId)}`);
  const { rows } = await db.query<{
    fact_id: string;
    report_id: string;
    period: string;
    organisation_id: string;
    category: string;
    place_id: string;
    severity: number | string | null;
  }>(
    `SELECT fact_id, report_id, period, organisation_id, category, place_id, severity
     FROM analysis_facts WHERE ${where.join(' AND ')} ORDER BY period, fact_id`,
    params,
  );
  return rows.map((row) => ({
    reportId: row.report_id,
    // The fact's id is `i:<reportId>:<incidentId>` (facts.projection.ts).
    incidentId: row.fact_id.slice(`i:${row.report_id}:`.length),
    period: row.period,
    organisationId: row.organisation_id,
    category: row.category,
    placeId: row.place_id,
    severity: row.severity === null ? null : Number(row.severity),
  }));
}
