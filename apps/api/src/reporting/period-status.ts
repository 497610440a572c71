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
  /**
   * The deadline an early compile recorded: until it, the organisations the compile left out
   * still report for the week; from it on the week is compiled for them as for everyone.
   */
  earlyDeadline: string | null;
  /** The organisations whose reports the (latest) compile took. */
  compiledOrganisationIds: readonly string[];
  /** Per organisation id: how many times a report of it was taken in after compile. */
  takeIns: Readonly<Record<string, number>>;
}

export const initialPeriodState = (): PeriodState => ({
  status: 'open',
  compilation: 0,
  compiledEarly: false,
  earlyDeadline: null,
  compiledOrganisationIds: [],
  takeIns: {},
});

/** The parts of the lägesbild's facts read here (the lägesbild module's `LagesbildCompiled`, `ReportTakenIn`). */
interface CompiledData {
  reports?: readonly { organisationId: string }[];
  early?: { deadline?: unknown } | null;
}
interface TakenInData {
  report?: { organisationId?: unknown };
}

export function evolvePeriod(state: PeriodState, event: DomainEvent): PeriodState {
  switch (event.type) {
    case 'LagesbildCompiled': {
      const data = (event.data ?? {}) as CompiledData;
      const early = data.early !== undefined && data.early !== null;
      return {
        ...state,
        status: 'compiled',
        compilation: state.compilation + 1,
        compiledEarly: early,
        earlyDeadline: early && typeof data.early?.deadline === 'string' ? data.early.deadline : null,
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

/** Whose report asks, and when: the week looks different to each organisation and over time. */
export interface ReportViewpoint {
  organisationId: string;
  at: Date;
}

/**
 * The week as one organisation's report sees it at a moment. Without a viewpoint: the week's status.
 *
 * - A week compiled early stays open, until the deadline that compile recorded, for an
 *   organisation the lägesbild has not taken in: its late report is filed for that week and taken
 *   in by the coordinator. The deadline is what the reporters were promised; from it on the week
 *   is locked for them as a week compiled on time is, and a report still wanted after that is
 *   reopened by the coordinator, as in any compiled week.
 * - `compilation` counts the compiles plus this organisation's take-ins, so a report reopened
 *   after compile is locked again once its amendment is taken in (before, only a second compile,
 *   which the lägesbild refuses, would have locked it). Reopenings recorded before take-ins were
 *   counted carry the compile count, which this equals until the organisation's first take-in.
 */
export function toPeriodContext(state: PeriodState, viewpoint?: ReportViewpoint): PeriodContext {
  if (viewpoint === undefined) return { status: state.status, compilation: state.compilation };
  const { organisationId, at } = viewpoint;
  const takeIns = takeInsOf(state, organisationId);
  if (
    state.status !== 'open' &&
    takeIns === 0 &&
    !state.compiledOrganisationIds.includes(organisationId) &&
    acceptsLateReports(state, at)
  ) {
    return { status: 'open', compilation: state.compilation };
  }
  return { status: state.status, compilation: state.compilation + takeIns };
}

/**
 * Compiled early and its recorded deadline not passed: those left out still report. The deadline
 * itself is still in time, as a report submitted at it is not late (period.ts, isLate).
 */
export function acceptsLateReports(state: PeriodState, at: Date): boolean {
  return state.earlyDeadline !== null && at.getTime() <= Date.parse(state.earlyDeadline);
}
