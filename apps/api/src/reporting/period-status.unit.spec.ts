import { evolvePeriod, initialPeriodState } from './period-status.js';

const fold = (...types: string[]) =>
  types.map((type) => ({ type, data: {} })).reduce(evolvePeriod, initialPeriodState());

describe('period status from the lägesbild’s facts', () => {
  it('is open while nothing has been compiled', () => {
    expect(fold()).toEqual({ status: 'open', compilation: 0 });
    expect(fold('SectionEdited')).toEqual({ status: 'open', compilation: 0 });
  });

  it('counts compiles, so a recompile ends earlier reopenings', () => {
    expect(fold('LagesbildCompiled')).toEqual({ status: 'compiled', compilation: 1 });
    expect(fold('LagesbildCompiled', 'RedactionApplied', 'LagesbildCompiled')).toEqual({
      status: 'compiled',
      compilation: 2,
    });
  });

  it('is published once a revision is published', () => {
    expect(fold('LagesbildCompiled', 'LagesbildApproved', 'LagesbildPublished')).toEqual({
      status: 'published',
      compilation: 1,
    });
  });
});
