import { describe, expect, it } from 'vitest';
import { weekLinksOf } from './useWeekLinks.js';

const week = (id: string, status: 'open' | 'compiled' | 'published', reported: number, deadline: string) =>
  ({ id, status, reported, reportingDeadline: deadline }) as never;

describe('weekLinksOf', () => {
  const now = new Date('2026-12-07T10:00:00+01:00'); // Monday of week 50

  it('links the week due, the last compiled week and the demo week when it has reports', () => {
    const links = weekLinksOf(
      [
        week('2026-W50', 'open', 0, '2026-12-14T09:00:00+01:00'),
        week('2026-W49', 'open', 2, '2026-12-07T09:00:00+01:00'),
        week('2026-W48', 'published', 4, '2026-11-30T09:00:00+01:00'),
        week('2024-W48', 'open', 6, '2024-12-02T09:00:00+01:00'),
      ],
      now,
    );
    expect(links).toEqual({ monday: '2026-W49', lastCompiled: '2026-W48', demo: '2024-W48' });
  });

  it('leaves out the demo week where nothing was filed for it', () => {
    const links = weekLinksOf([week('2024-W48', 'open', 0, '2024-12-02T09:00:00+01:00')], now);
    expect(links.demo).toBeUndefined();
    expect(links.lastCompiled).toBeUndefined();
  });
});
