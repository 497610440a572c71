import type { ActionView } from '@laget/contracts';
import { describe, expect, it } from 'vitest';
import { timelineOf } from './timeline.js';

const action = (
  id: string,
  startsOn: string,
  dueOn: string,
  followUps: ActionView['followUps'] = [],
): ActionView => ({
  id,
  problemId: 'p',
  title: `Åtgärd ${id}`,
  description: '',
  ownerOrganisationId: 'o',
  responsibleUserId: null,
  startsOn,
  dueOn,
  status: 'ongoing',
  public: false,
  followUps,
  version: 1,
});

describe('a problem’s timeline', () => {
  it('interleaves the actions’ starts, follow-ups and due dates by date', () => {
    const entries = timelineOf([
      action('a', '2026-03-02', '2026-04-30', [
        { on: '2026-03-20', effect: 'better', text: 'Bättre', byId: 'u', recordedAt: '' },
      ]),
      action('b', '2026-03-10', '2026-03-20'),
    ]);
    expect(entries.map((e) => `${e.on} ${e.kind} ${e.actionId}`)).toEqual([
      '2026-03-02 start a',
      '2026-03-10 start b',
      '2026-03-20 follow_up a',
      '2026-03-20 due b',
      '2026-04-30 due a',
    ]);
  });
});
