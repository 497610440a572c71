import { describe, expect, it } from 'vitest';
import { todoWeek } from './todo-week.js';

describe('the week the coordinator’s to-do list is about', () => {
  it('is the compiled week when only its lägesbild waits', () => {
    expect(todoWeek('2024-W48', 1, [])).toBe('2024-W48');
  });

  it('is that week too when the amended reports are of the same week', () => {
    expect(todoWeek('2024-W48', 2, ['2024-W48', '2024-W48'])).toBe('2024-W48');
    expect(todoWeek(undefined, 0, ['2024-W47'])).toBe('2024-W47');
  });

  it('is no single week when the items are about different weeks', () => {
    expect(todoWeek('2024-W48', 1, ['2024-W47'])).toBeUndefined();
    expect(todoWeek(undefined, 0, ['2024-W47', '2024-W48'])).toBeUndefined();
  });

  it('does not count a compiled week with nothing waiting, nor an empty list', () => {
    expect(todoWeek('2024-W48', 0, ['2024-W47'])).toBe('2024-W47');
    expect(todoWeek('2024-W48', 0, [])).toBeUndefined();
  });
});
