import type { DomainEvent } from '../platform/domain/decider.js';
import type { PeriodStatus } from './period.js';
import type { PeriodContext } from './report.decider.js';

/**
 * A period's status after its week comes from the lägesbild module's own facts: its stream
 * `lagesbildStreamId(period)` records each compile, take-in and publication. Reading them where a report
 * command is decided gives the lock without a second copy of the truth and without waiting for a
 * projection. A week whose lägesbild stream is empty is open.
 */

/** The lägesbild events this module reads; every other event of that stream leaves the status as it is. */
export const PERIOD_STATUS_EVENT_TYPES = [
  'LagesbildCompiled',
  'ReportTakenIn',
  'LagesbildPublished',
] as const;

export type PeriodStatusEvent = DomainEvent<(typeof PERIOD_STATUS_EVENT_TYPES)[number], unknown>;

export interface PeriodState {
  status: PeriodStatus;
  /** How many times the week has been compiled; a reopened report stays open until the next compile. */
  compilation: number;
  /** Compiled before the reporting deadline: organisations the compile left out may still report. */
  compiledEarly: boolean;
  /** The organisations whose reports the (latest) compile took. */
  compiledOrganisationIds: readonly string[];
  /** Per organisation id: how many times a report of it was taken in after compile. */
  takeIns: Readonly<Record<string, number>>;
}

export const initialPeriodState = (): PeriodState => ({
  status: 'open',
  compilation: 0,
  compiledEarly: false,
  compiledOrganisationIds: [],
  takeIns: {},
});

/** The parts of the lägesbild's facts read here (the lägesbild module's `LagesbildCompiled`, `ReportTakenIn`). */
interface CompiledData {
  reports?: readonly { organisationId: string }[];
  early?: unknown;
}
interface TakenInData {
  report?: { organisationId?: unknown };
}

export function evolvePeriod(state: PeriodState, event: DomainEvent): PeriodState {
  switch (event.type) {
    case 'LagesbildCompiled': {
      const data = (event.data ?? {}) as CompiledData;
      return {
        ...state,
        status: 'compiled',
        compilation: state.compilation + 1,
        compiledEarly: data.early !== undefined && data.early !== null,
        compiledOrganisationIds: (data.reports ?? []).map((report) => report.organisationId),
      };
    }
    case 'ReportTakenIn': {
      const organisationId = ((event.data ?? {}) as TakenInData).report?.organisationId;
      if (typeof organisationId !== 'string') return state;
      return {
        ...state,
        takeIns: { ...state.takeIns, [organisationId]: takeInsOf(state, organisationId) + 1 },
      };
    }
    case 'LagesbildPublished':
      return { ...state, status: 'published' };
    default:
      return state;
  }
}

export const periodStatusFolder = { initialState: initialPeriodState, evolve: evolvePeriod };

const takeInsOf = (state: PeriodState, organisationId: string): number =>
  Object.hasOwn(state.takeIns, organisationId) ? (state.takeIns[organisationId] ?? 0) : 0;

/**
 * The week as one organisation's report sees it. Without an organisation: the week's status.
 *
 * - A week compiled early stays open for an organisation the lägesbild has not taken in: its late
 *   report is filed for that week and taken in by the coordinator.
 * - `compilation` counts the compiles plus this organisation's take-ins, so a report reopened
 *   after compile is locked again once its amendment is taken in (before, only a second compile,
 *   which the lägesbild refuses, would have locked it). Reopenings recorded before take-ins were
 *   counted carry the compile count, which this equals until the organisation's first take-in.
 */
export function toPeriodContext(state: PeriodState, organisationId?: string): PeriodContext {
  if (organisationId === undefined) return { status: state.status, compilation: state.compilation };
  const takeIns = takeInsOf(state, organisationId);
  if (
    state.status !== 'open' &&
    state.compiledEarly &&
    takeIns === 0 &&
    !state.compiledOrganisationIds.includes(organisationId)
  ) {
    return { status: 'open', compilation: state.compilation };
  }
  return { status: state.status, compilation: state.compilation + takeIns };
}
