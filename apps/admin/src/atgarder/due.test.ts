import { describe, expect, it } from 'vitest';
import { byUrgency, todayInStockholm, urgencyOf } from './due.js';

const action = (over: Partial<Parameters<typeof urgencyOf>[0]> = {}) => ({
  status: 'ongoing' as const,
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  followUps: [] as { on: string; effect: 'better'; text: string; byId: string; recordedAt: string }[],
  ...over,
});

describe('what an action asks of its owner', () => {
  it('is overdue after its due date and due soon within seven days', () => {
    expect(urgencyOf(action({ dueOn: '2026-03-09' }), '2026-03-10')).toBe('overdue');
    expect(urgencyOf(action({ dueOn: '2026-03-17' }), '2026-03-10')).toBe('due_soon');
    expect(urgencyOf(action({ dueOn: '2026-03-18' }), '2026-03-10')).toBe('none');
  });

  it('needs a follow-up after four weeks without one, counted from the start or the last follow-up', () => {
    expect(urgencyOf(action(), '2026-03-29')).toBe('needs_follow_up');
    expect(urgencyOf(action(), '2026-03-28')).toBe('none');
    const followed = action({
      followUps: [{ on: '2026-03-20', effect: 'better', text: '', byId: 'u', recordedAt: '' }],
    });
    expect(urgencyOf(followed, '2026-04-10')).toBe('none');
    expect(urgencyOf(action({ status: 'planned' }), '2026-04-10')).toBe('none');
  });

  it('asks nothing of finished actions, and sorts open, urgent ones first', () => {
    expect(urgencyOf(action({ status: 'done', dueOn: '2026-01-01' }), '2026-03-10')).toBe('none');
    const sorted = byUrgency(
      [
        action({ status: 'done', dueOn: '2026-01-01' }),
        action({ dueOn: '2026-05-01' }),
        action({ dueOn: '2026-03-01' }),
      ],
      '2026-03-10',
    );
    expect(sorted.map((a) => a.dueOn)).toEqual(['2026-03-01', '2026-05-01', '2026-01-01']);
  });

  it('takes today as the date in Stockholm', () => {
    expect(todayInStockholm(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
  });
});
