import fc from 'fast-check';
import { trendsQuerySchema } from '@laget/contracts';
import { trendSeries } from './trend-series.js';
import type { TrendCell } from './trends.sql.js';

const buckets = ['2025-W01', '2025-W02', '2025-W03', '2025-W04'];
const query = (extra: Record<string, string> = {}) =>
  trendsQuerySchema.parse({ from: '2025-W01', to: '2025-W04', ...extra });

describe('trend series', () => {
  it('is null exactly where no report came in, the count (0 included) elsewhere (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray(buckets),
        fc.array(
          fc.record({ bucket: fc.constantFrom(...buckets), key: fc.constantFrom('a', 'b'), n: fc.nat(9) }),
        ),
        (reported, raw) => {
          const cells: TrendCell[] = raw
            .filter(
              (cell, index) => raw.findIndex((c) => c.bucket === cell.bucket && c.key === cell.key) === index,
            )
            .map((cell) => ({ ...cell, mean: null }));
          const answer = trendSeries(
            query(),
            buckets,
            cells,
            reported.map((bucket) => ({ bucket, organisationId: '' })),
            (key) => key.toUpperCase(),
          );
          for (const series of answer.series) {
            expect(series.label).toBe(series.key.toUpperCase());
            series.values.forEach((value, index) => {
              const bucket = buckets[index]!;
              if (!reported.includes(bucket)) expect(value).toBeNull();
              else expect(value).toBe(cells.find((c) => c.bucket === bucket && c.key === series.key)?.n ?? 0);
            });
          }
        },
      ),
    );
  });

  it('orders the series by their total, and gives a mean only where there is one', () => {
    const answer = trendSeries(
      query({ measure: 'severity' }),
      buckets,
      [
        { bucket: '2025-W01', key: 'a', n: 1, mean: 2 },
        { bucket: '2025-W01', key: 'b', n: 3, mean: 4.333 },
      ],
      buckets.map((bucket) => ({ bucket, organisationId: '' })),
      (key) => key,
    );
    expect(answer.series.map((s) => s.key)).toEqual(['b', 'a']);
    expect(answer.series[0]!.values).toEqual([4.33, null, null, null]);
  });

  it('asks per organisation when grouped by organisation', () => {
    const answer = trendSeries(
      query({ groupBy: 'organisation' }),
      buckets,
      [{ bucket: '2025-W02', key: 'nvk', n: 2, mean: 3 }],
      [
        { bucket: '2025-W01', organisationId: 'skolan' },
        { bucket: '2025-W02', organisationId: 'nvk' },
      ],
      (key) => key,
    );
    expect(answer.series).toEqual([{ key: 'nvk', label: 'nvk', values: [null, 2, null, null] }]);
  });
});
