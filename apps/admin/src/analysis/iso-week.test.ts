import { describe, expect, it } from 'vitest';
import { addWeeks, isWeek, weekOf } from './iso-week.js';

describe('ISO weeks in the panel', () => {
  it('names the week of a date, across the turn of the year', () => {
    expect(weekOf(new Date(2024, 10, 29))).toBe('2024-W48');
    expect(weekOf(new Date(2024, 11, 30))).toBe('2025-W01');
    expect(weekOf(new Date(2021, 0, 3))).toBe('2020-W53');
  });

  it('steps weeks forward and back', () => {
    expect(addWeeks('2024-W48', 6)).toBe('2025-W02');
    expect(addWeeks('2025-W02', -6)).toBe('2024-W48');
    expect(addWeeks('2021-W01', -1)).toBe('2020-W53');
  });

  it('knows a week when it sees one', () => {
    expect(isWeek('2025-W14')).toBe(true);
    expect(isWeek('2025-W54')).toBe(false);
    expect(isWeek('2025-14')).toBe(false);
  });
});
