import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  parseAnalysisPeriod,
  periodLabel,
  formatPeriod,
  isoWeekOf,
  mondayOf,
  parsePeriod,
  previousPeriod,
  swedishDate,
  weekLabel,
} from './week.js';

describe('ISO weeks as the panel shows them', () => {
  it('names a period the Swedish way', () => {
    expect(weekLabel('2024-W48')).toBe('v48 2024');
    expect(weekLabel('2025-W01')).toBe('v1 2025');
    expect(weekLabel('not a week')).toBe('not a week');
  });

  it('knows the weeks around the turn of the year', () => {
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf(new Date('2021-01-03T00:00:00Z'))).toEqual({ year: 2020, week: 53 });
    expect(parsePeriod('2020-W53')).toEqual({ year: 2020, week: 53 });
    expect(parsePeriod('2024-W53')).toBeUndefined();
  });

  it('takes "this week" from the Swedish calendar, not UTC', () => {
    // Sunday 23:30 UTC is already Monday in Stockholm.
    expect(currentPeriod(new Date('2024-12-01T23:30:00Z'))).toBe('2024-W49');
    expect(previousPeriod('2025-W01')).toBe('2024-W52');
  });

  it('round-trips every week: Monday of a week lies in that week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 53 }), (year, week) => {
        const period = formatPeriod({ year, week });
        const parsed = parsePeriod(period);
        if (!parsed) return week === 53; // only week 53 can be missing from a year
        return formatPeriod(isoWeekOf(mondayOf(parsed))) === period;
      }),
    );
  });

  it('writes dates in Swedish', () => {
    expect(swedishDate('2024-12-02')).toBe('2 december 2024');
  });
});

describe('periodLabel', () => {
  it('says a period analysis as people say it, and a week as weekLabel does', () => {
    expect(periodLabel('2024-11')).toBe('november 2024');
    expect(periodLabel('2024-11', 'en')).toBe('November 2024');
    expect(periodLabel('2025-T1')).toBe('tertial 1 2025');
    expect(periodLabel('2025')).toBe('2025');
    expect(periodLabel('2024-W48')).toBe('v48 2024');
    expect(periodLabel('2024-13')).toBe('2024-13');
    expect(parseAnalysisPeriod('2024-T4')).toBeUndefined();
    expect(parseAnalysisPeriod('__proto__')).toBeUndefined();
  });
});
