import { deciderSpec } from '../../platform/domain/testing/decider-spec.js';
import { type PlanEvent, planDecider, planDeciderFor } from './plan.decider.js';
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
    // Nothing asked for (a job whose request a compile superseded) publishes nothing.
    spec
      .given([compiled, approved])
      .when({ type: 'PublishPlan', data: { publishedAt: '2026-03-20T10:00:00Z' } })
      .thenNothing();
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

  const requested: PlanEvent = {
    type: 'AtgardsplanPublicationRequested',
    data: { revision: 1, openContentHash: 'h1', by: 'u-bf' },
  };
  const published: PlanEvent = {
    type: 'AtgardsplanPublished',
    data: { revision: 1, openContentHash: 'h1', publishedAt: '2026-03-20T10:00:00Z', by: 'u-bf' },
  };
  const correction = { what: 'Åtgärden om belysningen hade fel datum', why: 'Skrivfel' };
  const compile = (by = 'u-bf') =>
    ({ type: 'CompilePlan', data: { snapshot, by, at: '2026-04-01T10:00:00Z' } }) as const;

  it('a new compile needs a new approval, and supersedes a publication not yet done', () => {
    const state = spec.given([compiled, approved, compiled]).state;
    expect(state.approval).toBeNull();
    const recompiled: PlanEvent = { type: 'AtgardsplanCompiled', data: compile().data };
    spec.given([compiled, approved, requested]).when(compile()).then([recompiled]);
    spec
      .given([compiled, approved, requested, recompiled])
      .when({ type: 'PublishPlan', data: { publishedAt: '2026-04-01T10:00:00Z' } })
      .thenNothing();
  });

  it('with four eyes on, whoever compiled the revision may not approve it; someone else may', () => {
    const fourEyes = deciderSpec(planDeciderFor({ fourEyes: true }));
    fourEyes
      .given([compiled])
      .when({ type: 'ApprovePlan', data: { openContentHash: 'h1', by: 'u-bf' } })
      .thenThrows({ kind: 'rule' });
    fourEyes
      .given([compiled])
      .when({ type: 'ApprovePlan', data: { openContentHash: 'h1', by: 'u-granskare' } })
      .then([
        { type: 'AtgardsplanApproved', data: { revision: 1, openContentHash: 'h1', by: 'u-granskare' } },
      ]);
    // The compiler of an earlier revision is not the one that counts.
    fourEyes
      .given([compiled, { ...compiled, data: { ...compiled.data, by: 'u-annan' } }])
      .when({ type: 'ApprovePlan', data: { openContentHash: 'h2', by: 'u-bf' } })
      .then([{ type: 'AtgardsplanApproved', data: { revision: 2, openContentHash: 'h2', by: 'u-bf' } }]);
    spec
      .given([compiled])
      .when({ type: 'ApprovePlan', data: { openContentHash: 'h1', by: 'u-bf' } })
      .then([approved]);
  });

  it('approves only what the approver read, when the client says what that was', () => {
    spec
      .given([compiled])
      .when({ type: 'ApprovePlan', data: { openContentHash: 'h1', by: 'u-bf', readHash: 'h0' } })
      .thenThrows({ kind: 'conflict' });
    spec
      .given([compiled])
      .when({ type: 'ApprovePlan', data: { openContentHash: 'h1', by: 'u-bf', readHash: 'h1' } })
      .then([approved]);
  });

  it('a published plan is corrected: compiled again, approved, and published with what and why', () => {
    const history = [compiled, approved, requested, published];
    spec
      .given(history)
      .when({ type: 'ApprovePlan', data: { openContentHash: 'h1', by: 'u-bf' } })
      .thenThrows({ kind: 'conflict' });
    const recompiled: PlanEvent = { type: 'AtgardsplanCompiled', data: compile().data };
    const reapproved: PlanEvent = {
      type: 'AtgardsplanApproved',
      data: { revision: 2, openContentHash: 'h2', by: 'u-bf' },
    };
    // While the correction is prepared, the public still reads the first revision.
    const preparing = spec.given([...history, recompiled]).state;
    expect(preparing.status).toBe('compiled');
    expect(preparing.published).toMatchObject({ revision: 1, snapshot });
    spec
      .given([...history, recompiled, reapproved])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'h2', by: 'u-bf' } })
      .thenThrows({ kind: 'rule' });
    const requestedAgain: PlanEvent = {
      type: 'AtgardsplanPublicationRequested',
      data: { revision: 2, openContentHash: 'h2', by: 'u-bf', correction },
    };
    spec
      .given([...history, recompiled, reapproved])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'h2', by: 'u-bf', correction } })
      .then([requestedAgain]);
    const corrected: PlanEvent = {
      type: 'AtgardsplanPublished',
      data: {
        revision: 2,
        openContentHash: 'h2',
        publishedAt: '2026-04-02T10:00:00Z',
        by: 'u-bf',
        correction,
      },
    };
    spec
      .given([...history, recompiled, reapproved, requestedAgain])
      .when({ type: 'PublishPlan', data: { publishedAt: '2026-04-02T10:00:00Z' } })
      .then([corrected]);
    const after = spec.given([...history, recompiled, reapproved, requestedAgain, corrected]).state;
    expect(after.published?.revision).toBe(2);
    expect(after.corrections).toEqual([{ ...correction, publishedAt: '2026-04-02T10:00:00Z' }]);
    // A first publication records no correction, even when one is sent.
    spec
      .given([compiled, approved])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'h1', by: 'u-bf', correction } })
      .then([requested]);
  });

  it('a retraction takes the published plan off the public site for good; a retried job does not bring it back', () => {
    const history = [compiled, approved, requested, published];
    const retract = {
      type: 'RetractPlan',
      data: { reason: 'Ett namn stod kvar', by: 'u-bf', at: '2026-03-21T08:00:00Z' },
    } as const;
    spec.given([compiled, approved]).when(retract).thenThrows({ kind: 'conflict' });
    const retracted: PlanEvent = { type: 'AtgardsplanRetracted', data: { revision: 1, ...retract.data } };
    spec.given(history).when(retract).then([retracted]);
    const state = spec.given([...history, retracted]).state;
    expect(state).toMatchObject({ status: 'retracted', published: null });
    spec
      .given([...history, retracted])
      .when(retract)
      .thenThrows({ kind: 'conflict' });
    spec
      .given([...history, retracted])
      .when({ type: 'PublishPlan', data: { publishedAt: '2026-03-22T10:00:00Z' } })
      .thenNothing();
    spec
      .given([...history, retracted])
      .when({ type: 'RequestPlanPublication', data: { openContentHash: 'h1', by: 'u-bf', correction } })
      .thenThrows({ kind: 'conflict' });
    // Compiled again, it is published again as a correction.
    spec
      .given([...history, retracted])
      .when(compile())
      .then([{ type: 'AtgardsplanCompiled', data: compile().data }]);
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
