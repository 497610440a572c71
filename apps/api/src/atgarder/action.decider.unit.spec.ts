import fc from 'fast-check';
import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { type ActionEvent, actionDecider, type FollowUp } from './action.decider.js';

const spec = deciderSpec(actionDecider);

const fields = {
  title: 'Bättre belysning',
  description: 'Byta armaturer runt torget',
  ownerOrganisationId: 'nvk',
  responsibleUserId: 'u-nvk',
  startsOn: '2026-03-02',
  dueOn: '2026-04-30',
  status: 'planned' as const,
  public: false,
};
const planned: ActionEvent = { type: 'ActionPlanned', data: { actionId: 'a1', problemId: 'p1', ...fields } };
const followUp = (on: string, text = 'Färre anmälningar'): FollowUp => ({
  on,
  effect: 'better',
  text,
  byId: 'u-nvk',
  recordedAt: '2026-03-20T08:00:00.000Z',
});

describe('action decider', () => {
  it('plans an action on an open problem', () => {
    spec
      .given([])
      .when({ type: 'PlanAction', data: { actionId: 'a1', problemId: 'p1', problemOpen: true, ...fields } })
      .then([planned]);
  });

  it('refuses a closed or missing problem, and a due date before the start', () => {
    spec
      .given([])
      .when({ type: 'PlanAction', data: { actionId: 'a1', problemId: 'p1', problemOpen: false, ...fields } })
      .thenThrows({ kind: 'rule', details: { field: 'problemId' } });
    spec
      .given([])
      .when({
        type: 'PlanAction',
        data: { actionId: 'a1', problemId: 'p1', problemOpen: true, ...fields, dueOn: '2026-03-01' },
      })
      .thenThrows({ kind: 'rule', details: { field: 'dueOn' } });
  });

  it('planning the same action again changes nothing; another under its id is a conflict', () => {
    spec
      .given([planned])
      .when({ type: 'PlanAction', data: { actionId: 'a1', problemId: 'p1', problemOpen: true, ...fields } })
      .thenNothing();
    spec
      .given([planned])
      .when({ type: 'PlanAction', data: { actionId: 'a1', problemId: 'p2', problemOpen: true, ...fields } })
      .thenThrows({ kind: 'conflict' });
  });

  it('edits record the changed fields; moving the due date before the start is refused', () => {
    spec
      .given([planned])
      .when({ type: 'EditAction', data: { status: 'ongoing', title: fields.title } })
      .then([
        {
          type: 'ActionEdited',
          data: { actionId: 'a1', changes: [{ field: 'status', before: 'planned', after: 'ongoing' }] },
        },
      ]);
    spec
      .given([planned])
      .when({ type: 'EditAction', data: { dueOn: '2026-01-01' } })
      .thenThrows({ kind: 'rule' });
    spec
      .given([])
      .when({ type: 'EditAction', data: { status: 'done' } })
      .thenThrows({ kind: 'not_found' });
  });

  it('adds follow-ups, not before the start and not on a cancelled action', () => {
    spec
      .given([planned])
      .when({ type: 'AddFollowUp', data: followUp('2026-03-20') })
      .then([{ type: 'ActionFollowedUp', data: { actionId: 'a1', ...followUp('2026-03-20') } }]);
    spec
      .given([planned])
      .when({ type: 'AddFollowUp', data: followUp('2026-03-01') })
      .thenThrows({ kind: 'rule' });
    const cancelled: ActionEvent = {
      type: 'ActionEdited',
      data: { actionId: 'a1', changes: [{ field: 'status', before: 'planned', after: 'cancelled' }] },
    };
    spec
      .given([planned, cancelled])
      .when({ type: 'AddFollowUp', data: followUp('2026-03-20') })
      .thenThrows({ kind: 'rule' });
  });

  it('keeps follow-ups in date order whatever order they were written in (property)', () => {
    const day = fc.integer({ min: 2, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(day, { maxLength: 20 }), (days) => {
        const events: ActionEvent[] = [
          planned,
          ...days.map((on, index): ActionEvent => ({
            type: 'ActionFollowedUp',
            data: { actionId: 'a1', ...followUp(on, `nr ${index}`) },
          })),
        ];
        const state = spec.given(events).state;
        if (state.kind !== 'planned') throw new Error('not planned');
        const dates = state.followUps.map((f) => f.on);
        expect(dates).toEqual([...days].sort());
        expect(state.followUps).toHaveLength(days.length);
      }),
    );
  });
});
