import fc from 'fast-check';
import { DomainError } from '../platform/domain/domain-error.js';
import {
  analysisPeriodLabel,
  formatAnalysisPeriod,
  monthAnalysedAt,
  previousAnalysisPeriod,
  requireLagesbildId,
  tryParseAnalysisPeriod,
  weeksOf,
} from './analysis-period.js';
import { formatPeriod, weeksInIsoYear } from './period.js';

describe('analysis periods (month, tertial, year)', () => {
  it('parses and formats months, tertials and years', () => {
    expect(tryParseAnalysisPeriod('2025-03')).toEqual({ kind: 'month', year: 2025, month: 3 });
    expect(tryParseAnalysisPeriod('2025-T2')).toEqual({ kind: 'tertial', year: 2025, tertial: 2 });
    expect(tryParseAnalysisPeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    for (const id of ['2025-03', '2025-T2', '2025']) {
      expect(formatAnalysisPeriod(tryParseAnalysisPeriod(id)!)).toBe(id);
    }
  });

  it.each([
    '2025-13',
    '2025-00',
    '2025-T0',
    '2025-T4',
    '2025-W10',
    '1999',
    '25',
    '2025-3',
    ' 2025',
    '__proto__',
    '2025\u0000',
  ])('does not take %j as an analysis period', (text) => expect(tryParseAnalysisPeriod(text)).toBeNull());

  it('accepts weeks and analysis periods as lägesbild ids, and nothing else (400 naming period)', () => {
    expect(() => requireLagesbildId('2024-W48')).not.toThrow();
    expect(() => requireLagesbildId('2025-T3')).not.toThrow();
    expect(() => requireLagesbildId('2021-W53')).toThrow(DomainError);
    expect(() => requireLagesbildId('2025-T9')).toThrow(/period/);
  });

  it('puts a week in the month of its Thursday: March 2025 is weeks 10–13, week 14 (Thursday 3 April) is April’s', () => {
    expect(weeksOf({ kind: 'month', year: 2025, month: 3 })).toEqual([
      '2025-W10',
      '2025-W11',
      '2025-W12',
      '2025-W13',
    ]);
    expect(weeksOf({ kind: 'month', year: 2025, month: 4 })[0]).toBe('2025-W14');
    // 2026 starts on a Thursday: week 1 is January's, and December 2026 ends with week 53.
    expect(weeksOf({ kind: 'month', year: 2026, month: 1 })[0]).toBe('2026-W01');
    expect(weeksOf({ kind: 'month', year: 2026, month: 12 }).at(-1)).toBe('2026-W53');
  });

  it('gives every week of an ISO year to exactly one month, tertial and the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        const all = Array.from({ length: weeksInIsoYear(year) }, (_, i) =>
          formatPeriod({ year, week: i + 1 }),
        );
        const months = Array.from({ length: 12 }, (_, m) =>
          weeksOf({ kind: 'month', year, month: m + 1 }),
        ).flat();
        const tertials = ([1, 2, 3] as const).flatMap((tertial) =>
          weeksOf({ kind: 'tertial', year, tertial }),
        );
        expect(months).toEqual(all);
        expect(tertials).toEqual(all);
        expect(weeksOf({ kind: 'year', year })).toEqual(all);
      }),
      { numRuns: 40 },
    );
  });

  it('knows the previous period across year boundaries', () => {
    const previous = (id: string) =>
      formatAnalysisPeriod(previousAnalysisPeriod(tryParseAnalysisPeriod(id)!));
    expect(previous('2025-01')).toBe('2024-12');
    expect(previous('2025-03')).toBe('2025-02');
    expect(previous('2025-T1')).toBe('2024-T3');
    expect(previous('2025-T3')).toBe('2025-T2');
    expect(previous('2025')).toBe('2024');
  });

  it('labels periods in Swedish and names the month a månadsmöte analyses', () => {
    expect(analysisPeriodLabel({ kind: 'month', year: 2025, month: 3 })).toBe('mars 2025');
    expect(analysisPeriodLabel({ kind: 'tertial', year: 2025, tertial: 1 })).toBe('tertial 1 2025');
    expect(analysisPeriodLabel({ kind: 'year', year: 2025 })).toBe('år 2025');
    expect(monthAnalysedAt('2025-04-07')).toBe('2025-03');
    expect(monthAnalysedAt('2025-01-06')).toBe('2024-12');
  });
});
