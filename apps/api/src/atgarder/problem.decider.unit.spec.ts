import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { type ProblemEvent, problemDecider } from './problem.decider.js';

const spec = deciderSpec(problemDecider);

const opened: ProblemEvent = {
  type: 'ProblemOpened',
  data: {
    problemId: 'p1',
    title: 'Skadegörelse vid Åsens torg',
    category: 'skadegorelse',
    placeIds: ['asens-torg'],
    description: 'Krossade rutor kvällstid',
    status: 'active',
  },
};
const linked = (incidentId: string, period = '2026-W10'): ProblemEvent => ({
  type: 'ProblemIncidentLinked',
  data: { problemId: 'p1', incidentId, period },
});

describe('problem decider', () => {
  it('opens a problem, its places without duplicates', () => {
    spec
      .given([])
      .when({ type: 'OpenProblem', data: { ...opened.data, placeIds: ['asens-torg', 'asens-torg'] } })
      .then([opened]);
  });

  it('opening the same problem again changes nothing; a different one under the same id is a conflict', () => {
    spec.given([opened]).when({ type: 'OpenProblem', data: opened.data }).thenNothing();
    spec
      .given([opened])
      .when({ type: 'OpenProblem', data: { ...opened.data, title: 'Annat' } })
      .thenThrows({ kind: 'conflict' });
  });

  it('records only the fields that change', () => {
    spec
      .given([opened])
      .when({ type: 'EditProblem', data: { title: opened.data.title, status: 'watched' } })
      .then([
        {
          type: 'ProblemEdited',
          data: { problemId: 'p1', changes: [{ field: 'status', before: 'active', after: 'watched' }] },
        },
      ]);
    spec
      .given([opened])
      .when({ type: 'EditProblem', data: { status: 'active' } })
      .thenNothing();
  });

  it('an unknown problem is a 404 for every change', () => {
    spec
      .given([])
      .when({ type: 'EditProblem', data: { status: 'closed' } })
      .thenThrows({ kind: 'not_found' });
    spec
      .given([])
      .when({ type: 'LinkIncident', data: { incidentId: 'i1', period: '2026-W10' } })
      .thenThrows({ kind: 'not_found' });
  });

  it('links incidents of several weeks once each, and unlinks them', () => {
    spec
      .given([opened, linked('i1')])
      .when({ type: 'LinkIncident', data: { incidentId: 'i2', period: '2026-W11' } })
      .then([linked('i2', '2026-W11')]);
    spec
      .given([opened, linked('i1')])
      .when({ type: 'LinkIncident', data: { incidentId: 'i1', period: '2026-W10' } })
      .thenNothing();
    const state = spec.given([
      opened,
      linked('i1'),
      linked('i2', '2026-W11'),
      linked('i3', '2026-W12'),
    ]).state;
    expect('incidentIds' in state && state.incidentIds).toEqual(['i1', 'i2', 'i3']);
    spec
      .given([opened, linked('i1')])
      .when({ type: 'UnlinkIncident', data: { incidentId: 'i1' } })
      .then([{ type: 'ProblemIncidentUnlinked', data: { problemId: 'p1', incidentId: 'i1' } }]);
    spec
      .given([opened])
      .when({ type: 'UnlinkIncident', data: { incidentId: 'i1' } })
      .thenNothing();
  });

  it('a closed problem takes no new incidents', () => {
    const closed: ProblemEvent = {
      type: 'ProblemEdited',
      data: { problemId: 'p1', changes: [{ field: 'status', before: 'active', after: 'closed' }] },
    };
    spec
      .given([opened, closed])
      .when({ type: 'LinkIncident', data: { incidentId: 'i9', period: '2026-W10' } })
      .thenThrows({ kind: 'rule' });
  });
});
