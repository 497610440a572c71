import type { AtgardsplanView, PlanView } from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import type { Caller } from '../../identity/index.js';
import { contentHash } from '../../lagesbild/content-hash.js';
import { DomainError, notFound } from '../../platform/domain/domain-error.js';
import { planSections } from './plan-layout.js';
import type { PlanState } from './plan.decider.js';

export const planSubject = (view: PlanView, state: PlanState) =>
  asSubject('ActionPlan', { view, status: state.status });

/** 404 unless the caller may read this view of the plan (a plan not compiled is no plan). */
export function ensureMayReadPlan(caller: Caller, view: PlanView, state: PlanState): void {
  if (state.status === 'none' || !caller.ability.can('read', planSubject(view, state)))
    throw notFound('Åtgärdsplan');
}

export function ensureMayChangePlan(caller: Caller, action: 'create' | 'approve', state: PlanState): void {
  if (!caller.ability.can(action, planSubject('internal', state))) {
    throw new DomainError('forbidden', 'Du får inte göra detta med åtgärdsplanen / You may not do this', {
      action,
    });
  }
}

/** What approval fixes and publication checks: the open sections' content hash. */
export function openPlanHash(state: PlanState): string {
  if (!state.snapshot) throw notFound('Åtgärdsplan');
  return contentHash({ year: state.snapshot.year, sections: planSections(state.snapshot, 'open') });
}

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
    sections: planSections(state.snapshot, view),
  };
}
