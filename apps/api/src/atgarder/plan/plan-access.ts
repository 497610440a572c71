import type { AtgardsplanView, PlanView } from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import type { Caller } from '../../identity/index.js';
import { contentHash } from '../../lagesbild/content-hash.js';
import { DomainError, notFound } from '../../platform/domain/domain-error.js';
import { planSections } from './plan-layout.js';
import type { PlanSnapshot } from './plan-snapshot.js';
import type { PlanState } from './plan.decider.js';

/** The plan as a CASL subject; `fourEyes` lets a reviewer approve, as for a lägesbild. */
export const planSubject = (view: PlanView, state: Pick<PlanState, 'status'>, fourEyes = false) =>
  asSubject('ActionPlan', { view, status: state.status, fourEyes });

/** 404 unless the caller may read this view of the plan (a plan not compiled is no plan). */
export function ensureMayReadPlan(caller: Caller, view: PlanView, state: PlanState): void {
  if (state.status === 'none' || !caller.ability.can('read', planSubject(view, state)))
    throw notFound('Åtgärdsplan');
}

export type PlanChange = 'compile' | 'approve' | 'publish' | 'retract';

/**
 * What each change asks of CASL: compiling and publishing are `create` (the coordinator's),
 * approving is `approve` on the open version (a reviewer's too where four eyes are on),
 * retracting is `delete`.
 */
const caslActionOf = { compile: 'create', approve: 'approve', publish: 'create', retract: 'delete' } as const;

export function ensureMayChangePlan(
  caller: Caller,
  change: PlanChange,
  state: PlanState,
  fourEyes = false,
): void {
  const subject = planSubject(change === 'approve' ? 'open' : 'internal', state, fourEyes);
  if (!caller.ability.can(caslActionOf[change], subject)) {
    throw new DomainError('forbidden', 'Du får inte göra detta med åtgärdsplanen / You may not do this', {
      action: change,
    });
  }
}

const hashOf = (snapshot: PlanSnapshot) =>
  contentHash({ year: snapshot.year, sections: planSections(snapshot, 'open') });

/** What approval fixes and publication checks: the open sections' content hash. */
export function openPlanHash(state: PlanState): string {
  if (!state.snapshot) throw notFound('Åtgärdsplan');
  return hashOf(state.snapshot);
}

/** The current revision (a correction being prepared, after a publication) in one view. */
export function planDocument(state: PlanState, version: number, view: PlanView): AtgardsplanView {
  if (state.status === 'none' || !state.snapshot) throw notFound('Åtgärdsplan');
  return {
    year: state.snapshot.year,
    status: state.status,
    revision: state.revision,
    version,
    view,
    compiledAt: state.compiledAt,
    publishedAt: state.published?.publishedAt ?? null,
    contentHash: hashOf(state.snapshot),
    corrections: state.corrections,
    retraction:
      view === 'internal' && state.retraction
        ? { reason: state.retraction.reason, at: state.retraction.at }
        : null,
    sections: planSections(state.snapshot, view),
  };
}

/** What the public reads: the revision published last, never a correction still being prepared. */
export function publishedPlanDocument(state: PlanState, version: number): AtgardsplanView | null {
  const published = state.published;
  if (!published) return null;
  return {
    year: published.snapshot.year,
    status: 'published',
    revision: published.revision,
    version,
    view: 'open',
    compiledAt: published.compiledAt,
    publishedAt: published.publishedAt,
    contentHash: published.openContentHash,
    corrections: state.corrections,
    retraction: null,
    sections: planSections(published.snapshot, 'open'),
  };
}
