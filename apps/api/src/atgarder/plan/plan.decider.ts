import { assertNever, type Decider, type DomainEvent } from '../../platform/domain/decider.js';
import { conflict, DomainError, notFound, ruleBroken } from '../../platform/domain/domain-error.js';
import type { PlanSnapshot } from './plan-snapshot.js';

/**
 * The yearly åtgärdsplan (issue 19, point 4): compiled (again, until published) from the active
 * problems and their actions, approved as its open version stands (the content hash of the open
 * sections, as for the lägesbild), then published. One stream per year.
 */
export const planStreamId = (year: number) => `atgardsplan-${year}`;

export type PlanCommand =
  | { type: 'CompilePlan'; data: { snapshot: PlanSnapshot; by: string; at: string } }
  | { type: 'ApprovePlan'; data: { openContentHash: string; by: string } }
  | { type: 'RequestPlanPublication'; data: { openContentHash: string; by: string } }
  | { type: 'PublishPlan'; data: { publishedAt: string } };

export type PlanEvent =
  | DomainEvent<'AtgardsplanCompiled', { snapshot: PlanSnapshot; by: string; at: string }>
  | DomainEvent<'AtgardsplanApproved', { revision: number; openContentHash: string; by: string }>
  | DomainEvent<'AtgardsplanPublicationRequested', { revision: number; openContentHash: string; by: string }>
  | DomainEvent<
      'AtgardsplanPublished',
      { revision: number; openContentHash: string; publishedAt: string; by: string }
    >;

export const PLAN_EVENT_TYPES: readonly PlanEvent['type'][] = [
  'AtgardsplanCompiled',
  'AtgardsplanApproved',
  'AtgardsplanPublicationRequested',
  'AtgardsplanPublished',
];

export type PlanStatus = 'none' | 'compiled' | 'approved' | 'published';

export interface PlanState {
  status: PlanStatus;
  revision: number;
  snapshot: PlanSnapshot | null;
  compiledAt: string | null;
  approval: { revision: number; openContentHash: string; by: string } | null;
  /** Asked for by the coordinator, done by the `publish-atgardsplan` job (as the lägesbild's). */
  publicationRequest: { revision: number; openContentHash: string; by: string } | null;
  published: { revision: number; openContentHash: string; publishedAt: string } | null;
}

export function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'CompilePlan':
      if (state.status === 'published') {
        throw conflict('Åtgärdsplanen är redan publicerad / The plan is published already');
      }
      if (command.data.snapshot.problems.length === 0) {
        throw ruleBroken('Det finns inga aktiva problem att göra en plan av / There are no active problems');
      }
      return [{ type: 'AtgardsplanCompiled', data: command.data }];
    case 'ApprovePlan':
      if (state.status === 'none') throw notFound('Åtgärdsplan');
      if (state.status === 'published')
        throw conflict('Åtgärdsplanen är redan publicerad / Published already');
      if (state.approval?.revision === state.revision) return [];
      return [{ type: 'AtgardsplanApproved', data: { revision: state.revision, ...command.data } }];
    case 'RequestPlanPublication':
      if (state.status === 'none') throw notFound('Åtgärdsplan');
      if (state.status === 'published')
        throw conflict('Åtgärdsplanen är redan publicerad / Published already');
      if (!state.approval || state.approval.revision !== state.revision) {
        throw ruleBroken('Den öppna versionen är inte godkänd / The open version is not approved');
      }
      if (state.approval.openContentHash !== command.data.openContentHash) {
        throw new DomainError(
          'conflict',
          'Den öppna versionen har ändrats sedan godkännandet / Changed since approval',
        );
      }
      if (state.publicationRequest?.revision === state.revision) {
        throw conflict('Publiceringen är redan begärd / Publication was requested already');
      }
      return [
        { type: 'AtgardsplanPublicationRequested', data: { revision: state.revision, ...command.data } },
      ];
    case 'PublishPlan': {
      if (state.status === 'published') return [];
      const request = state.publicationRequest;
      if (!request || request.revision !== state.revision) {
        throw ruleBroken('Ingen publicering är begärd för denna revision / No publication requested');
      }
      return [
        {
          type: 'AtgardsplanPublished',
          data: {
            revision: request.revision,
            openContentHash: request.openContentHash,
            publishedAt: command.data.publishedAt,
            by: request.by,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'AtgardsplanCompiled':
      return {
        ...state,
        status: 'compiled',
        revision: state.revision + 1,
        snapshot: event.data.snapshot,
        compiledAt: event.data.at,
        approval: null,
        publicationRequest: null,
      };
    case 'AtgardsplanApproved':
      return {
        ...state,
        status: 'approved',
        approval: {
          revision: event.data.revision,
          openContentHash: event.data.openContentHash,
          by: event.data.by,
        },
      };
    case 'AtgardsplanPublicationRequested':
      return {
        ...state,
        publicationRequest: {
          revision: event.data.revision,
          openContentHash: event.data.openContentHash,
          by: event.data.by,
        },
      };
    case 'AtgardsplanPublished':
      return {
        ...state,
        status: 'published',
        published: {
          revision: event.data.revision,
          openContentHash: event.data.openContentHash,
          publishedAt: event.data.publishedAt,
        },
      };
    default:
      return assertNever(event);
  }
}

export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = {
  initialState: () => ({
    status: 'none',
    revision: 0,
    snapshot: null,
    compiledAt: null,
    approval: null,
    publicationRequest: null,
    published: null,
  }),
  decide: decidePlan,
  evolve: evolvePlan,
};
