import { decidePeriod, evolvePeriod, initialPeriodState, type PeriodEvent } from './period.decider.js';

const fold = (...events: PeriodEvent[]) => events.reduce(evolvePeriod, initialPeriodState());
const compiled: PeriodEvent = {
  type: 'PeriodCompiled',
  data: { period: '2024-W48', compilation: 1, lagesbildRevision: 1 },
};

describe('period decider', () => {
  it('is open before anything happened', () => {
    expect(fold()).toEqual({ status: 'open', compilation: 0 });
  });

  it('counts compiles, so a recompile ends earlier reopenings', () => {
    expect(
      decidePeriod({ type: 'RecordCompilation', data: { period: '2024-W48', lagesbildRevision: 1 } }, fold()),
    ).toEqual([compiled]);
    expect(
      decidePeriod(
        { type: 'RecordCompilation', data: { period: '2024-W48', lagesbildRevision: 2 } },
        fold(compiled),
      ),
    ).toEqual([
      { type: 'PeriodCompiled', data: { period: '2024-W48', compilation: 2, lagesbildRevision: 2 } },
    ]);
    expect(fold(compiled)).toEqual({ status: 'compiled', compilation: 1 });
  });

  it('publishes only a compiled period', () => {
    expect(() =>
      decidePeriod({ type: 'RecordPublication', data: { period: '2024-W48', lagesbildRevision: 1 } }, fold()),
    ).toThrow(expect.objectContaining({ kind: 'rule' }));
    const published = decidePeriod(
      { type: 'RecordPublication', data: { period: '2024-W48', lagesbildRevision: 1 } },
      fold(compiled),
    );
    expect(fold(compiled, ...published)).toEqual({ status: 'published', compilation: 1 });
  });
});
