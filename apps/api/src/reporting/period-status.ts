import type { DomainEvent } from '../platform/domain/decider.js';
import type { PeriodStatus } from './period.js';
import type { PeriodContext } from './report.decider.js';

/**
 * A period's status after its week comes from the lägesbild module's own facts: its stream
 * `lagesbild-<period>` records each compile and publication. Reading them where a report command
 * is decided gives the lock without a second copy of the truth and without waiting for a
 * projection. A week whose lägesbild stream is empty is open.
 */
export const lagesbildStreamOf = (period: string) => `lagesbild-${period}`;

/** The lägesbild events this module reads; every other event of that stream leaves the status as it is. */
export const PERIOD_STATUS_EVENT_TYPES = ['LagesbildCompiled', 'LagesbildPublished'] as const;

export type PeriodStatusEvent = DomainEvent<(typeof PERIOD_STATUS_EVENT_TYPES)[number], unknown>;

export interface PeriodState {
  status: PeriodStatus;
  /** How many times the week has been compiled; a reopened report stays open until the next compile. */
  compilation: number;
}

export const initialPeriodState = (): PeriodState => ({ status: 'open', compilation: 0 });

export function evolvePeriod(state: PeriodState, event: DomainEvent): PeriodState {
  switch (event.type) {
    case 'LagesbildCompiled':
      return { status: 'compiled', compilation: state.compilation + 1 };
    case 'LagesbildPublished':
      return { ...state, status: 'published' };
    default:
      return state;
  }
}

export const periodStatusFolder = { initialState: initialPeriodState, evolve: evolvePeriod };

export const toPeriodContext = (state: PeriodState): PeriodContext => ({
  status: state.status,
  compilation: state.compilation,
});
