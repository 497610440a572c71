import { deciderSpec } from '../../platform/domain/testing/decider-spec.js';
import { type PlanEvent, planDecider } from './plan.decider.js';
import { planSections } from './plan-layout.js';
import type { PlanSnapshot } from './plan-snapshot.js';

const spec = deciderSpec(planDecider);
const snapshot: PlanSnapshot = {
  year: 2026,
  problems: [
    {
      problemId: 'p1',
      title: 'Skadegörelse vid Åsens torg',
      category: 'skadegorelse',
      status: 'active',
      description: 'Intern beskrivning',
      weeks: [
        { period: '2026-W08', incidents: 1 },
        { period: '2026-W09', incidents: 2 },
      ],
    },
  ],
  actions: [
    {
      actionId: 'a1',
      problemTitle: 'Skadegörelse vid Åsens torg',
      title: 'Bättre belysning',
      ownerOrganisationName: 'NVK',
      status: 'ongoing',
      startsOn: '2026-03-09',
      dueOn: '2026-04-30',
      public: true,
      latestFollowUp: null,
    },
    {
      actionId: 'a2',
      problemTitle: 'Skadegörelse vid Åsens torg',
      title: 'Samtal med en namngiven elev',
      ownerOrganisationName: 'Skolan',
      status: 'planned',
      startsOn: '2026-03-09',
      dueOn: '2026-04-30',
      public: false,
      latestFollowUp: null,
    },
  ],
};
const compiled: PlanEvent = {
  type: 'AtgardsplanCompiled',
  data: { snapshot, by: 'u-bf', at: '2026-03-20T10:00:00Z' },
};
const approved: PlanEvent = {
  type: 'AtgardsplanApproved',
  data: { revision: 1, openContentHash: 'h1', by: 'u-bf' },
};

describe('åtgärdsplan decider', () => {
  it('compiles from active problems; nothing to compile is a rule', () => {
    spec
      .given([])
      .when({ type: 'CompilePlan', data: { snapshot, by: 'u-bf', at: '2026-03-20T10:00:00Z' } })
      .then([compiled]);
    spec
      .given([])
      .when({
        type: 'CompilePlan',
        data: { snapshot: { ...snapshot, problems: [] }, by: 'u-bf', at: '2026-03-20T10:00:00Z' },
      })
      .thenThrows({ kind: 'rule' });
  });

  it('requests publication only of the approved revision, as approved; the job publishes it once', () => {
    spec
      .given([compiled])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'h1', by: 'u' } })
      .thenThrows({ kind: 'rule' });
    spec
      .given([compiled, approved])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'other', by: 'u' } })
      .thenThrows({ kind: 'conflict' });
    const requested: PlanEvent = {
      type: 'AtgardsplanPublicationRequested',
      data: { revision: 1, openContentHash: 'h1', by: 'u' },
    };
    spec
      .given([compiled, approved])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'h1', by: 'u' } })
      .then([requested]);
    spec
      .given([compiled, approved, requested])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'h1', by: 'u' } })
      .thenThrows({ kind: 'conflict' });
    spec
      .given([compiled, approved])
      .when({ type: 'PublishPlan', data: { publishedAt: '2026-03-20T10:00:00Z' } })
      .thenThrows({ kind: 'rule' });
    const published: PlanEvent = {
      type: 'AtgardsplanPublished',
      data: { revision: 1, openContentHash: 'h1', publishedAt: '2026-03-20T10:00:00Z', by: 'u' },
    };
    spec
      .given([compiled, approved, requested])
      .when({ type: 'PublishPlan', data: { publishedAt: '2026-03-20T10:00:00Z' } })
      .then([published]);
    spec
      .given([compiled, approved, requested, published])
      .when({ type: 'PublishPlan', data: { publishedAt: '2026-03-21T10:00:00Z' } })
      .thenNothing();
  });

  it('a new compile needs a new approval; a published plan is not compiled again', () => {
    const state = spec.given([compiled, approved, compiled]).state;
    expect(state.approval).toBeNull();
    const published: PlanEvent = {
      type: 'AtgardsplanPublished',
      data: { revision: 1, openContentHash: 'h1', publishedAt: '2026-03-20T10:00:00Z', by: 'u' },
    };
    spec
      .given([compiled, approved, published])
      .when({ type: 'CompilePlan', data: { snapshot, by: 'u-bf', at: '2026-03-20T10:00:00Z' } })
      .thenThrows({ kind: 'conflict' });
  });

  it('the open version has no problem descriptions and only public actions', () => {
    const internal = JSON.stringify(planSections(snapshot, 'internal'));
    const open = JSON.stringify(planSections(snapshot, 'open'));
    expect(internal).toContain('Intern beskrivning');
    expect(internal).toContain('Samtal med en namngiven elev');
    expect(open).not.toContain('Intern beskrivning');
    expect(open).not.toContain('Samtal med en namngiven elev');
    expect(open).toContain('Bättre belysning');
    expect(open).toContain('Kopplade händelser: 3 under 2 veckor (v08: 1, v09: 2).');
  });
});
