import { assertNever, type Decider, type DomainEvent } from '../../platform/domain/decider.js';
import { conflict, DomainError, notFound, ruleBroken } from '../../platform/domain/domain-error.js';
import type { PlanSnapshot } from './plan-snapshot.js';

/**
 * The yearly åtgärdsplan (issue 19, point 4): compiled from the active problems and their actions,
 * approved as its open version stands (the content hash of the open sections, as for the
 * lägesbild; by someone other than the compiler where four eyes are on), then published. As for a
 * lägesbild, a published plan is corrected by compiling, approving and publishing again with a
 * note of what was corrected and why, and retracted with a reason (the public page is then gone).
 * One stream per year.
 */
export const planStreamId = (year: number) => `atgardsplan-${year}`;

/** What a later publication corrected and why, in the coordinator's words (as for a lägesbild). */
export interface PlanCorrection {
  what: string;
  why: string;
}

/** The municipality's rule: with four eyes on, whoever compiled the revision may not approve it. */
export interface PlanPolicy {
  fourEyes: boolean;
}

export type PlanCommand =
  | { type: 'CompilePlan'; data: { snapshot: PlanSnapshot; by: string; at: string } }
  | {
      type: 'ApprovePlan';
      /** `readHash`: the open version's hash as the approver read it, when the client sends it. */
      data: { openContentHash: string; by: string; readHash?: string | undefined };
    }
  | {
      type: 'RequestPlanPublication';
      data: { openContentHash: string; by: string; correction?: PlanCorrection | undefined };
    }
  | { type: 'PublishPlan'; data: { publishedAt: string } }
  | { type: 'RetractPlan'; data: { reason: string; by: string; at: string } };

export type PlanEvent =
  | DomainEvent<'AtgardsplanCompiled', { snapshot: PlanSnapshot; by: string; at: string }>
  | DomainEvent<'AtgardsplanApproved', { revision: number; openContentHash: string; by: string }>
  | DomainEvent<
      'AtgardsplanPublicationRequested',
      // `correction`: since session 10, on every publication after the first.
      { revision: number; openContentHash: string; by: string; correction?: PlanCorrection }
    >
  | DomainEvent<
      'AtgardsplanPublished',
      {
        revision: number;
        openContentHash: string;
        publishedAt: string;
        by: string;
        correction?: PlanCorrection;
      }
    >
  | DomainEvent<'AtgardsplanRetracted', { revision: number; reason: string; by: string; at: string }>;

export const PLAN_EVENT_TYPES: readonly PlanEvent['type'][] = [
  'AtgardsplanCompiled',
  'AtgardsplanApproved',
  'AtgardsplanPublicationRequested',
  'AtgardsplanPublished',
  'AtgardsplanRetracted',
];

export type PlanStatus = 'none' | 'compiled' | 'approved' | 'published' | 'retracted';

/** The revision the public reads, with the snapshot it was compiled from. */
export interface PublishedPlan {
  revision: number;
  openContentHash: string;
  publishedAt: string;
  compiledAt: string | null;
  snapshot: PlanSnapshot;
}

export interface PlanState {
  status: PlanStatus;
  revision: number;
  snapshot: PlanSnapshot | null;
  compiledAt: string | null;
  /** Who compiled the current revision (four eyes: not its approver). */
  compiledBy: string | null;
  approval: { revision: number; openContentHash: string; by: string } | null;
  /** Asked for by the coordinator, done by the `publish-atgardsplan` job (as the lägesbild's). */
  publicationRequest: {
    revision: number;
    openContentHash: string;
    by: string;
    correction?: PlanCorrection;
  } | null;
  /** What the public reads: null before the first publication and after a retraction. */
  published: PublishedPlan | null;
  /** The revision published last, retracted or not: a retried job never publishes it again. */
  publishedRevision: number | null;
  /** How many times the plan was published: every one after the first says what it corrected. */
  publications: number;
  corrections: (PlanCorrection & { publishedAt: string })[];
  retraction: { revision: number; reason: string; at: string } | null;
}

const PUBLISHED_ALREADY =
  'Inget har ändrats sedan publiceringen; sammanställ planen på nytt för att rätta den / Nothing has changed since the publication; compile again to correct it';

export function decidePlan(command: PlanCommand, state: PlanState, policy: PlanPolicy): PlanEvent[] {
  switch (command.type) {
    case 'CompilePlan':
      // A compile supersedes a publication asked for and not yet done: its job then publishes
      // nothing (below). Refusing instead would leave a plan whose job failed for good stuck.
      if (command.data.snapshot.problems.length === 0) {
        throw ruleBroken('Det finns inga aktiva problem att göra en plan av / There are no active problems');
      }
      return [{ type: 'AtgardsplanCompiled', data: command.data }];
    case 'ApprovePlan': {
      if (state.status === 'none') throw notFound('Åtgärdsplan');
      if (state.status === 'published' || state.status === 'retracted') throw conflict(PUBLISHED_ALREADY);
      const { openContentHash, by, readHash } = command.data;
      if (readHash !== undefined && readHash !== openContentHash) {
        throw conflict(
          'Den öppna versionen har ändrats sedan du läste den; granska den igen / The open version has changed since you read it; review it again',
          { contentHash: openContentHash },
        );
      }
      if (state.approval?.revision === state.revision) return [];
      if (policy.fourEyes && by === state.compiledBy) {
        throw ruleBroken(
          'Fyraögonsprincipen gäller: någon annan än den som sammanställde planen ska godkänna / Four-eyes is on: someone other than the one who compiled the plan must approve',
          { compiledBy: state.compiledBy },
        );
      }
      return [{ type: 'AtgardsplanApproved', data: { revision: state.revision, openContentHash, by } }];
    }
    case 'RequestPlanPublication': {
      if (state.status === 'none') throw notFound('Åtgärdsplan');
      if (state.status === 'published' || state.status === 'retracted') throw conflict(PUBLISHED_ALREADY);
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
      const { correction, ...request } = command.data;
      if (state.publications > 0 && !correction) {
        throw ruleBroken(
          'Planen har publicerats förut: skriv vad som rättas och varför / The plan was published before: say what is corrected and why',
          { fields: ['correction.what', 'correction.why'] },
        );
      }
      return [
        {
          type: 'AtgardsplanPublicationRequested',
          data: {
            revision: state.revision,
            ...request,
            ...(state.publications > 0 && correction ? { correction } : {}),
          },
        },
      ];
    }
    case 'PublishPlan': {
      const request = state.publicationRequest;
      // Done already (a retried job), or superseded by a compile since it was asked for.
      if (!request || state.publishedRevision === request.revision || request.revision !== state.revision)
        return [];
      return [
        {
          type: 'AtgardsplanPublished',
          data: {
            revision: request.revision,
            openContentHash: request.openContentHash,
            publishedAt: command.data.publishedAt,
            by: request.by,
            ...(request.correction ? { correction: request.correction } : {}),
          },
        },
      ];
    }
    case 'RetractPlan':
      if (!state.published) {
        throw conflict('Det finns ingen publicerad åtgärdsplan att dra tillbaka / Nothing is published');
      }
      return [
        { type: 'AtgardsplanRetracted', data: { revision: state.published.revision, ...command.data } },
      ];
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
        compiledBy: event.data.by,
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
          ...(event.data.correction ? { correction: event.data.correction } : {}),
        },
      };
    case 'AtgardsplanPublished':
      return {
        ...state,
        status: 'published',
        // The job publishes the current revision (PublishPlan), so its snapshot is the state's.
        published: {
          revision: event.data.revision,
          openContentHash: event.data.openContentHash,
          publishedAt: event.data.publishedAt,
          compiledAt: state.compiledAt,
          snapshot: state.snapshot!,
        },
        publishedRevision: event.data.revision,
        publications: state.publications + 1,
        corrections: event.data.correction
          ? [...state.corrections, { ...event.data.correction, publishedAt: event.data.publishedAt }]
          : state.corrections,
        retraction: null,
      };
    case 'AtgardsplanRetracted':
      return {
        ...state,
        status: state.published?.revision === state.revision ? 'retracted' : state.status,
        published: null,
        retraction: { revision: event.data.revision, reason: event.data.reason, at: event.data.at },
      };
    default:
      return assertNever(event);
  }
}

const initialPlanState = (): PlanState => ({
  status: 'none',
  revision: 0,
  snapshot: null,
  compiledAt: null,
  compiledBy: null,
  approval: null,
  publicationRequest: null,
  published: null,
  publishedRevision: null,
  publications: 0,
  corrections: [],
  retraction: null,
});

/** The plan's decider under the municipality's policy (four eyes or not). */
export const planDeciderFor = (policy: PlanPolicy): Decider<PlanState, PlanCommand, PlanEvent> => ({
  initialState: initialPlanState,
  decide: (command, state) => decidePlan(command, state, policy),
  evolve: evolvePlan,
});

/** For reading (folding a stream): the policy only weighs on decisions. */
export const planDecider = planDeciderFor({ fourEyes: false });
