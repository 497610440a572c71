import type { TrendBucket, TrendGrouping, TrendsQuery } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';

/**
 * The SQL of the trends over the facts tables (facts.projection.ts). Column names come from these
 * fixed maps, never from the request; every value is a parameter.
 */
const BUCKET_COLUMNS: Record<TrendBucket, string> = {
  week: 'period',
  month: 'month',
  tertial: 'tertial',
  year: 'year',
};
const GROUP_COLUMNS: Record<Exclude<TrendGrouping, 'area'>, string> = {
  category: 'category',
  organisation: 'organisation_id',
  // Incidents without a place of the register are one group of their own.
  place: "COALESCE(place_id, '')",
};

export interface TrendCell {
  bucket: string;
  key: string;
  /** Incidents, or the police's count. */
  n: number;
  /** Mean severity of the incidents in the cell. */
  mean: number | null;
}

export interface ReportPresence {
  bucket: string;
  organisationId: string;
}

type Grouped = TrendsQuery & { groupBy: Exclude<TrendGrouping, 'area'> };

/**
 * Counts (and mean severity) per bucket and group, over counted facts in the range: from the
 * weekly sums when nothing is filtered, from the facts through a filter's index otherwise.
 */
export async function trendCells(db: SqlDatabase, query: Grouped): Promise<TrendCell[]> {
  if (!query.category && !query.organisationId && !query.placeId) return rollupCells(db, query);
  const params: unknown[] = [query.measure === 'police' ? 'police' : 'incident', query.from, query.to];
  const where = ['counted', 'kind = $1', 'period BETWEEN $2 AND $3'];
  if (query.category) where.push(`category = $${params.push(query.category)}`);
  if (query.organisationId) where.push(`organisation_id = $${params.push(query.organisationId)}`);
  if (query.placeId) where.push(`place_id = $${params.push(query.placeId)}`);
  const { rows } = await db.query<{
    bucket: string;
    key: string;
    n: string | number;
    mean: string | number | null;
  }>(
    `SELECT ${BUCKET_COLUMNS[query.bucket]} AS bucket, ${GROUP_COLUMNS[query.groupBy]} AS key,
       sum(n) AS n, sum(severity * n)::float8 / NULLIF(sum(n), 0) AS mean
     FROM analysis_facts WHERE ${where.join(' AND ')} GROUP BY 1, 2`,
    params,
  );
  return rows.map(toCell);
}

async function rollupCells(db: SqlDatabase, query: Grouped): Promise<TrendCell[]> {
  const { rows } = await db.query<{
    bucket: string;
    key: string;
    n: string | number;
    mean: string | number | null;
  }>(
    `SELECT ${BUCKET_COLUMNS[query.bucket]} AS bucket, key, sum(n) AS n,
       sum(severity_sum)::float8 / NULLIF(sum(n), 0) AS mean
     FROM analysis_rollup WHERE kind = $1 AND dim = $2 AND period BETWEEN $3 AND $4 GROUP BY 1, 2`,
    [query.measure === 'police' ? 'police' : 'incident', query.groupBy, query.from, query.to],
  );
  return rows.map(toCell);
}

function toCell(row: {
  bucket: string;
  key: string;
  n: string | number;
  mean: string | number | null;
}): TrendCell {
  return {
    bucket: row.bucket,
    key: row.key,
    n: Number(row.n),
    mean: row.mean === null ? null : Number(row.mean),
  };
}

/**
 * Which organisation reported in which bucket (a submitted report; for the police statistics, one
 * with statistics): where nobody did, the trend is missing there, not zero.
 */
export async function reportPresence(db: SqlDatabase, query: TrendsQuery): Promise<ReportPresence[]> {
  const params: unknown[] = [query.from, query.to];
  const where = ['counted', 'period BETWEEN $1 AND $2'];
  if (query.measure === 'police') where.push('statistics IS NOT NULL');
  if (query.organisationId) where.push(`organisation_id = $${params.push(query.organisationId)}`);
  // Only a grouping by organisation needs to know who; otherwise a bucket with anyone will do.
  const byOrganisation = query.groupBy === 'organisation';
  const { rows } = await db.query<{ bucket: string; organisation_id: string | null }>(
    `SELECT DISTINCT ${BUCKET_COLUMNS[query.bucket]} AS bucket, ${byOrganisation ? 'organisation_id' : 'NULL AS organisation_id'}
     FROM analysis_reports WHERE ${where.join(' AND ')}`,
    params,
  );
  return rows.map((row) => ({ bucket: row.bucket, organisationId: row.organisation_id ?? '' }));
}
