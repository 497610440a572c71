import fc from 'fast-check';
import { reminderOccasions, remindActionJobId } from './reminder-occasions.js';

const action = (over: Partial<Parameters<typeof reminderOccasions>[0]> = {}) => ({
  actionId: 'a1',
  status: 'ongoing' as const,
  startsOn: '2026-03-02',
  dueOn: '2026-06-30',
  lastFollowUpOn: null,
  ...over,
});

describe('reminder occasions', () => {
  it('reminds of a due date from seven days ahead until the day, once per due date', () => {
    expect(reminderOccasions(action({ dueOn: '2026-03-17' }), '2026-03-10')).toEqual([
      { kind: 'due', occasion: 'due-2026-03-17' },
    ]);
    expect(reminderOccasions(action({ dueOn: '2026-03-18' }), '2026-03-10')).toEqual([]);
    expect(reminderOccasions(action({ dueOn: '2026-03-09' }), '2026-03-10')).toEqual([]);
  });

  it('reminds an ongoing action with no follow-up for four weeks, counted from the last one', () => {
    expect(reminderOccasions(action(), '2026-03-30')).toEqual([
      { kind: 'follow_up', occasion: 'followup-2026-03-02' },
    ]);
    expect(reminderOccasions(action(), '2026-03-29')).toEqual([]);
    expect(reminderOccasions(action({ lastFollowUpOn: '2026-03-20' }), '2026-04-10')).toEqual([]);
    expect(reminderOccasions(action({ status: 'planned' }), '2026-04-30')).toEqual([]);
  });

  it('never reminds of finished actions, and every day of one silence is the same occasion (property)', () => {
    const offset = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(
        offset,
        offset,
        fc.constantFrom('done', 'cancelled', 'ongoing', 'planned'),
        (a, b, status) => {
          const dayAt = (n: number) =>
            new Date(Date.UTC(2026, 2, 2) + n * 86_400_000).toISOString().slice(0, 10);
          const subject = action({ status: status as never, dueOn: '2027-12-31' });
          const first = reminderOccasions(subject, dayAt(a));
          const second = reminderOccasions(subject, dayAt(b));
          if (status === 'done' || status === 'cancelled') expect(first).toEqual([]);
          const ids = (list: typeof first) => list.map((o) => remindActionJobId('a1', o.occasion));
          if (first.length > 0 && second.length > 0) expect(ids(first)).toEqual(ids(second));
        },
      ),
    );
  });
});
