import { describe, expect, it } from 'vitest';
import { mondayWeek } from './monday-week.js';

const now = new Date('2024-12-02T08:00:00+01:00'); // Monday of week 49
const week = (id: string, status: 'open' | 'compiled' | 'published', deadline: string) => ({
  id,
  status,
  reportingDeadline: deadline,
});

describe('mondayWeek', () => {
  it('is last week on a Monday morning, once its deadline has passed', () => {
    const periods = [
      week('2024-W49', 'open', '2024-12-09T07:00:00+01:00'),
      week('2024-W48', 'open', '2024-12-02T07:00:00+01:00'),
      week('2024-W47', 'published', '2024-11-25T07:00:00+01:00'),
    ];
    expect(mondayWeek(periods, now, '2024-W49')).toBe('2024-W48');
  });

  it('is the running week when it was compiled early', () => {
    const periods = [
      week('2024-W49', 'compiled', '2024-12-09T07:00:00+01:00'),
      week('2024-W48', 'published', '2024-12-02T07:00:00+01:00'),
    ];
    expect(mondayWeek(periods, now, '2024-W49')).toBe('2024-W49');
  });

  it('never a week that has not started, and the newest when no deadline has passed', () => {
    const periods = [
      week('2024-W50', 'compiled', '2024-12-16T07:00:00+01:00'),
      week('2024-W49', 'open', '2024-12-09T07:00:00+01:00'),
    ];
    expect(mondayWeek(periods, now, '2024-W49')).toBe('2024-W49');
    expect(mondayWeek([], now, '2024-W49')).toBeUndefined();
  });
});
