import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { ruleBroken } from '../platform/domain/domain-error.js';
import type { PeriodStatus } from './period.js';
import type { PeriodContext } from './report.decider.js';

/**
 * A period's life after its week: compiled (reports locked) and published. Periods need no
 * opening: a week exists because the calendar says so, so an empty stream is an open period.
 * The lägesbild module records compiles and publications here, so that report commands can
 * read the lock from one small stream, consistently, at the moment they are decided.
 */
export type PeriodCommand =
  | { type: 'RecordCompilation'; data: { period: string; lagesbildRevision: number | null } }
  | { type: 'RecordPublication'; data: { period: string; lagesbildRevision: number | null } };

export type PeriodEvent =
  | DomainEvent<'PeriodCompiled', { period: string; compilation: number; lagesbildRevision: number | null }>
  | DomainEvent<'PeriodPublished', { period: string; compilation: number; lagesbildRevision: number | null }>;

export const PERIOD_EVENT_TYPES: readonly PeriodEvent['type'][] = ['PeriodCompiled', 'PeriodPublished'];

export interface PeriodState {
  status: PeriodStatus;
  compilation: number;
}

export const initialPeriodState = (): PeriodState => ({ status: 'open', compilation: 0 });

export function decidePeriod(command: PeriodCommand, state: PeriodState): PeriodEvent[] {
  switch (command.type) {
    case 'RecordCompilation':
      // Every compile counts: a recompile locks reports that were reopened for the previous one.
      return [
        {
          type: 'PeriodCompiled',
          data: { ...command.data, compilation: state.compilation + 1 },
        },
      ];
    case 'RecordPublication':
      if (state.compilation === 0) {
        throw ruleBroken('Perioden är inte sammanställd / The period has not been compiled', {
          period: command.data.period,
        });
      }
      return [{ type: 'PeriodPublished', data: { ...command.data, compilation: state.compilation } }];
    default:
      return assertNever(command);
  }
}

export function evolvePeriod(state: PeriodState, event: PeriodEvent): PeriodState {
  switch (event.type) {
    case 'PeriodCompiled':
      return { status: 'compiled', compilation: event.data.compilation };
    case 'PeriodPublished':
      return { ...state, status: 'published' };
    default:
      return assertNever(event);
  }
}

export const periodDecider: Decider<PeriodState, PeriodCommand, PeriodEvent> = {
  initialState: initialPeriodState,
  decide: decidePeriod,
  evolve: evolvePeriod,
};

export const toPeriodContext = (state: PeriodState): PeriodContext => ({
  status: state.status,
  compilation: state.compilation,
});
