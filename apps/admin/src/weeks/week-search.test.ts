import { describe, expect, it } from 'vitest';
import {
  byActivityThenNewest,
  exactPeriod,
  hasActivity,
  lastCompiled,
  matchesWeek,
  parseWeekQuery,
} from './week-search.js';

describe('parseWeekQuery', () => {
  it.each([
    ['2024-W48', { year: 2024, week: 48 }],
    ['2024w48', { year: 2024, week: 48 }],
    ['v48 2024', { year: 2024, week: 48 }],
    ['V48 2024', { year: 2024, week: 48 }],
    ['v. 48 2024', { year: 2024, week: 48 }],
    ['vecka 48, 2024', { year: 2024, week: 48 }],
    ['2024 v48', { year: 2024, week: 48 }],
    ['v48', { week: 48 }],
    ['48', { week: 48 }],
    ['v 3', { week: 3 }],
    ['2024', { year: 2024 }],
    ['week 48 2024', { year: 2024, week: 48 }],
  ])('reads %s', (text, expected) => {
    expect(parseWeekQuery(text)).toEqual(expected);
  });

  it.each(['', '   ', 'polisen', 'v54', '48 49', '2024 2025', 'v0'])('finds no week in "%s"', (text) => {
    expect(parseWeekQuery(text)).toBeUndefined();
  });
});

describe('exactPeriod', () => {
  it('names the period when year and week are both given and the week exists', () => {
    expect(exactPeriod({ year: 2024, week: 48 })).toBe('2024-W48');
    expect(exactPeriod({ year: 2020, week: 53 })).toBe('2020-W53');
    expect(exactPeriod({ year: 2024, week: 53 })).toBeUndefined();
    expect(exactPeriod({ week: 48 })).toBeUndefined();
    expect(exactPeriod(undefined)).toBeUndefined();
  });
});

describe('matchesWeek', () => {
  it('matches on what the query gives', () => {
    expect(matchesWeek('2024-W48', { year: 2024, week: 48 })).toBe(true);
    expect(matchesWeek('2025-W48', { week: 48 })).toBe(true);
    expect(matchesWeek('2025-W48', { year: 2024 })).toBe(false);
    expect(matchesWeek('2024-W08', { week: 8 })).toBe(true);
    expect(matchesWeek('2024-M01', { week: 1 })).toBe(false);
  });
});

describe('sorting weeks', () => {
  const weeks = [
    { id: '2026-W49', status: 'open' as const, reported: 0 },
    { id: '2026-W48', status: 'open' as const, reported: 2 },
    { id: '2026-W47', status: 'published' as const, reported: 5 },
    { id: '2025-W10', status: 'open' as const },
    { id: '2024-W48', status: 'compiled' as const, reported: 6 },
  ];

  it('puts weeks where something happened first, newest first in each group', () => {
    expect(byActivityThenNewest(weeks).map((w) => w.id)).toEqual([
      '2026-W48',
      '2026-W47',
      '2024-W48',
      '2026-W49',
      '2025-W10',
    ]);
    expect(hasActivity({ id: '2025-W10', status: 'open' })).toBe(false);
  });

  it('finds the newest compiled or published week', () => {
    expect(lastCompiled(weeks)?.id).toBe('2026-W47');
    expect(lastCompiled(weeks.filter((w) => w.status === 'open'))).toBeUndefined();
  });
});
