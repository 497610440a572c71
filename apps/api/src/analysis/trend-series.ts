import type { TrendsAnswer, TrendsQuery } from '@laget/contracts';
import type { ReportPresence, TrendCell } from './trends.sql.js';

/**
 * From cells to the answer's series, pure. A series is a group that has anything in the range;
 * its value in a bucket is null where no report came in (for the organisation, when grouped by
 * organisation; for anyone under the filters otherwise), the count (0 included) where one did,
 * and for the mean severity also null where there was nothing to take the mean of.
 */
export function trendSeries(
  query: TrendsQuery,
  buckets: readonly string[],
  cells: readonly TrendCell[],
  presence: readonly ReportPresence[],
  labelOf: (key: string) => string,
): TrendsAnswer {
  const reportedBuckets = new Set(presence.map((p) => p.bucket));
  const reportedBy = new Set(presence.map((p) => `${p.bucket}\u0000${p.organisationId}`));
  const byKey = new Map<string, Map<string, TrendCell>>();
  for (const cell of cells) {
    const series = byKey.get(cell.key) ?? new Map<string, TrendCell>();
    series.set(cell.bucket, cell);
    byKey.set(cell.key, series);
  }
  const totals = [...byKey].map(([key, series]) => ({
    key,
    total: [...series.values()].reduce((sum, cell) => sum + cell.n, 0),
  }));
  totals.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key, 'sv'));
  return {
    bucket: query.bucket,
    measure: query.measure,
    groupBy: query.groupBy,
    buckets: [...buckets],
    series: totals.map(({ key }) => ({
      key,
      label: labelOf(key),
      values: buckets.map((bucket) => {
        const reported =
          query.groupBy === 'organisation'
            ? reportedBy.has(`${bucket}\u0000${key}`)
            : reportedBuckets.has(bucket);
        if (!reported) return null;
        const cell = byKey.get(key)?.get(bucket);
        if (query.measure === 'severity')
          return cell?.mean === undefined || cell.mean === null ? null : round(cell.mean);
        return cell?.n ?? 0;
      }),
    })),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
