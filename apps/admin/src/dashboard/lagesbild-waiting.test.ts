import type { PeriodView } from '@laget/contracts';
import { describe, expect, it } from 'vitest';
import { lagesbildWaiting, pickWaitingLagesbild } from './lagesbild-waiting.js';

const period = (id: string, status: PeriodView['status']) => ({ id, status }) as PeriodView;

describe('what waits in the lägesbild', () => {
  it('looks at the newest compiled week that is not yet published', () => {
    const periods = [
      period('2024-W46', 'compiled'),
      period('2024-W49', 'open'),
      period('2024-W47', 'compiled'),
      period('2024-W48', 'published'),
    ];
    expect(pickWaitingLagesbild(periods)?.id).toBe('2024-W47');
    expect(
      pickWaitingLagesbild([period('2024-W48', 'published'), period('2024-W49', 'open')]),
    ).toBeUndefined();
  });

  it('stale masks first (they block approval), then the approval', () => {
    expect(
      lagesbildWaiting({ status: 'compiled' }, [{ stale: true }, { stale: false }, { stale: true }]),
    ).toEqual([{ kind: 'stale_redactions', count: 2 }, { kind: 'awaiting_approval' }]);
  });

  it('an approved week waits for publication; a published one for nothing', () => {
    expect(lagesbildWaiting({ status: 'approved' }, [{ stale: false }])).toEqual([
      { kind: 'awaiting_publication' },
    ]);
    expect(lagesbildWaiting({ status: 'published' }, [])).toEqual([]);
    // An API without the redaction list still shows the approval.
    expect(lagesbildWaiting({ status: 'compiled' }, undefined)).toEqual([{ kind: 'awaiting_approval' }]);
  });
});
