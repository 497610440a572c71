import fc from 'fast-check';
import { formatPeriod, addWeeks, parsePeriod } from '../reporting/period.js';
import { weeksOfMonth } from '../reporting/analysis-period.js';
import { bucketsBetween, bucketsOfWeek, weeksBetween } from './buckets.js';

describe('trend buckets', () => {
  it('gives a week to the month, tertial and year of its Thursday', () => {
    expect(bucketsOfWeek('2024-W48')).toEqual({
      week: '2024-W48',
      month: '2024-11',
      tertial: '2024-T3',
      year: '2024',
    });
    // 2025-W01 starts on Monday 30 December 2024; its Thursday is 2 January 2025.
    expect(bucketsOfWeek('2025-W01')).toEqual({
      week: '2025-W01',
      month: '2025-01',
      tertial: '2025-T1',
      year: '2025',
    });
    // 2020-W53 has its Thursday on 31 December 2020.
    expect(bucketsOfWeek('2020-W53').month).toBe('2020-12');
    // 2025-W18 runs Monday 28 April to Sunday 4 May; its Thursday is 1 May, so it is T2.
    expect(bucketsOfWeek('2025-W18').tertial).toBe('2025-T2');
  });

  it('agrees with the period analyses on every week: a week is in exactly the month that gathers it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (offset) => {
        const period = formatPeriod(addWeeks(parsePeriod('2015-W01'), offset));
        const { month } = bucketsOfWeek(period);
        const [year, m] = month.split('-').map(Number);
        expect(weeksOfMonth(year!, m!).map(formatPeriod)).toContain(period);
      }),
    );
  });

  it('lists each week once and each bucket once, in order', () => {
    expect(weeksBetween('2024-W52', '2025-W02')).toEqual(['2024-W52', '2025-W01', '2025-W02']);
    // 2015 and 2020 have 53 weeks.
    expect(weeksBetween('2015-W01', '2024-W52')).toHaveLength(522);
    expect(bucketsBetween('2024-W40', '2025-W10', 'month')).toEqual([
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(bucketsBetween('2015-W01', '2024-W52', 'tertial')).toHaveLength(30);
    expect(bucketsBetween('2015-W01', '2024-W52', 'year')).toHaveLength(10);
    expect(weeksBetween('2025-W02', '2024-W52')).toEqual([]);
  });
});
