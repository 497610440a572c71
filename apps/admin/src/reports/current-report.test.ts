import type { PeriodView } from '@laget/contracts';
import { describe, expect, it } from 'vitest';
import { pickReportingPeriod } from './current-report.js';

const period = (id: string, status: PeriodView['status']): PeriodView => ({
  id,
  startsOn: '',
  endsOn: '',
  meetingOn: '',
  monthlyMeeting: false,
  status,
  reportingDeadline: '',
});

describe("the reporter's week", () => {
  it('is the newest open week that has started', () => {
    const weeks = [period('2024-W50', 'open'), period('2024-W49', 'open'), period('2024-W48', 'compiled')];
    expect(pickReportingPeriod(weeks, '2024-W49')?.id).toBe('2024-W49');
  });

  it('stays on a week compiled early instead of moving to the open week before it', () => {
    const weeks = [
      { ...period('2024-W49', 'compiled'), compiledEarly: true },
      period('2024-W48', 'open'),
      period('2024-W47', 'published'),
    ];
    expect(pickReportingPeriod(weeks, '2024-W49')?.id).toBe('2024-W49');
    // A week compiled at its deadline is done: the open week before it is still the one to report on.
    const closed = [{ ...period('2024-W49', 'compiled'), compiledEarly: false }, period('2024-W48', 'open')];
    expect(pickReportingPeriod(closed, '2024-W49')?.id).toBe('2024-W48');
  });

  it('falls back to the newest started week when none is open', () => {
    expect(
      pickReportingPeriod([period('2024-W47', 'published'), period('2024-W48', 'compiled')], '2024-W49')?.id,
    ).toBe('2024-W48');
    expect(pickReportingPeriod([], '2024-W49')).toBeUndefined();
  });
});
