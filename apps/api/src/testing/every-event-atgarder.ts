import type { ActionEvent } from '../atgarder/action.decider.js';
import type { PlanEvent } from '../atgarder/plan/plan.decider.js';
import type { ProblemEvent } from '../atgarder/problem.decider.js';
import { type Template, change } from './every-event-template.js';

type AtgarderEvent = ProblemEvent | ActionEvent | PlanEvent;

/** The åtgärder's part of `everyEventTemplate` (every-event.ts): problems, actions, the yearly plan. */
export const atgarderEventTemplates: {
  [Type in AtgarderEvent['type']]: Template<Extract<AtgarderEvent, { type: Type }>['data']>;
} = {
  ProblemOpened: {
    family: 'problem',
    data: {
      problemId: 'problem-1',
      title: 'Skadegörelse vid Åsens torg',
      category: 'skadegorelse',
      placeIds: ['place-1'],
      description: 'Återkommande klotter',
      status: 'active',
    },
  },
  ProblemEdited: { family: 'problem', data: { problemId: 'problem-1', changes: change('description') } },
  ProblemIncidentLinked: {
    family: 'problem',
    data: { problemId: 'problem-1', incidentId: 'inc-1', period: '2024-W48' },
  },
  ProblemIncidentUnlinked: { family: 'problem', data: { problemId: 'problem-1', incidentId: 'inc-1' } },
  ActionPlanned: {
    family: 'action',
    data: {
      actionId: 'action-1',
      problemId: 'problem-1',
      title: 'Trygghetsvandring',
      description: 'Med fastighetsägaren',
      ownerOrganisationId: 'org-1',
      responsibleUserId: 'user-1',
      startsOn: '2024-11-25',
      dueOn: '2024-12-20',
      status: 'planned',
      public: false,
    },
  },
  ActionEdited: { family: 'action', data: { actionId: 'action-1', changes: change('description') } },
  ActionFollowedUp: {
    family: 'action',
    data: {
      actionId: 'action-1',
      on: '2024-12-02',
      effect: 'better',
      text: 'Mindre klotter',
      byId: 'user-1',
      recordedAt: '2024-12-02T10:00:00Z',
    },
  },
  AtgardsplanCompiled: {
    family: 'atgardsplan',
    data: {
      snapshot: {
        year: 2026,
        problems: [
          {
            problemId: 'problem-1',
            title: 'Skadegörelse vid Åsens torg',
            category: 'skadegorelse',
            status: 'active',
            description: 'Återkommande klotter',
            weeks: [{ period: '2026-W10', incidents: 2 }],
          },
        ],
        actions: [
          {
            actionId: 'action-1',
            problemTitle: 'Skadegörelse vid Åsens torg',
            title: 'Trygghetsvandring',
            ownerOrganisationName: 'NVK',
            status: 'ongoing',
            startsOn: '2026-03-02',
            dueOn: '2026-04-30',
            public: true,
            latestFollowUp: { on: '2026-03-20', effect: 'unchanged', text: 'Oförändrat' },
          },
        ],
      },
      by: 'user-1',
      at: '2026-03-21T10:00:00Z',
    },
  },
  AtgardsplanApproved: { family: 'atgardsplan', data: { revision: 1, openContentHash: 'abc', by: 'user-2' } },
  AtgardsplanPublicationRequested: {
    family: 'atgardsplan',
    data: { revision: 1, openContentHash: 'abc', by: 'user-1' },
  },
  AtgardsplanPublished: {
    family: 'atgardsplan',
    data: { revision: 1, openContentHash: 'abc', publishedAt: '2026-03-22T10:00:00Z', by: 'user-1' },
  },
  AtgardsplanRetracted: {
    family: 'atgardsplan',
    data: { revision: 1, reason: 'Fel i planen', by: 'user-1', at: '2026-03-23T10:00:00Z' },
  },
};
