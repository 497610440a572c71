import { evolvePeriod, initialPeriodState, toPeriodContext } from './period-status.js';
import { isLocked, type ReportState } from './report.decider.js';

const fold = (...events: Array<string | { type: string; data: unknown }>) =>
  events
    .map((event) => (typeof event === 'string' ? { type: event, data: {} } : event))
    .reduce(evolvePeriod, initialPeriodState());

const compiled = (organisationIds: string[], early?: unknown) => ({
  type: 'LagesbildCompiled',
  data: {
    reports: organisationIds.map((organisationId) => ({ organisationId })),
    ...(early ? { early } : {}),
  },
});
const takenIn = (organisationId: string) => ({ type: 'ReportTakenIn', data: { report: { organisationId } } });

const report = (organisationId: string, reopenedFor: number | null = null) =>
  ({
    status: 'submitted',
    reportId: `2024-W48.${organisationId}`,
    period: '2024-W48',
    organisationId,
    openedById: 'u',
    attendance: 'reporting',
    narrative: '',
    statistics: null,
    incidents: [],
    submissions: 1,
    submittedAt: null,
    reopenedFor,
  }) as Exclude<ReportState, { status: 'none' }>;

describe('period status from the lägesbild’s facts', () => {
  it('is open while nothing has been compiled', () => {
    expect(toPeriodContext(fold())).toEqual({ status: 'open', compilation: 0 });
    expect(toPeriodContext(fold('SectionEdited'))).toEqual({ status: 'open', compilation: 0 });
  });

  it('counts compiles, so a recompile ends earlier reopenings', () => {
    expect(toPeriodContext(fold('LagesbildCompiled'))).toEqual({ status: 'compiled', compilation: 1 });
    expect(toPeriodContext(fold('LagesbildCompiled', 'RedactionApplied', 'LagesbildCompiled'))).toEqual({
      status: 'compiled',
      compilation: 2,
    });
  });

  it('is published once a revision is published', () => {
    expect(toPeriodContext(fold('LagesbildCompiled', 'LagesbildApproved', 'LagesbildPublished'))).toEqual({
      status: 'published',
      compilation: 1,
    });
  });
});

describe('a week compiled early, as each organisation’s report sees it', () => {
  const early = { deadline: '2024-12-02T08:00:00.000Z', missingOrganisations: [], confirmedBy: 'c' };

  it('stays open for an organisation the compile left out, until its report is taken in', () => {
    const week = fold(compiled(['polisen'], early));
    expect(toPeriodContext(week, 'skolan')).toEqual({ status: 'open', compilation: 1 });
    expect(toPeriodContext(week, 'polisen')).toEqual({ status: 'compiled', compilation: 1 });
    expect(isLocked(report('skolan'), toPeriodContext(week, 'skolan'))).toBe(false);
    expect(isLocked(report('polisen'), toPeriodContext(week, 'polisen'))).toBe(true);

    const afterTakeIn = evolvePeriod(week, takenIn('skolan'));
    expect(isLocked(report('skolan'), toPeriodContext(afterTakeIn, 'skolan'))).toBe(true);
  });

  it('stays open for them after publication too: a late report is taken in and published as a correction', () => {
    const week = fold(compiled(['polisen'], early), 'LagesbildPublished');
    expect(toPeriodContext(week, 'skolan').status).toBe('open');
    expect(toPeriodContext(week, 'polisen').status).toBe('published');
  });

  it('a week compiled at the deadline locks everyone, reported or not', () => {
    const week = fold(compiled(['polisen']));
    expect(toPeriodContext(week, 'skolan')).toEqual({ status: 'compiled', compilation: 1 });
  });
});

describe('a reopened report locks again when its amendment is taken in', () => {
  it('locks the reopened report at its take-in, and no other report at another’s', () => {
    const week = fold(compiled(['polisen', 'skolan']));
    // The coordinator reopened both for the current compilation (ReportReopened records it).
    const polisen = report('polisen', toPeriodContext(week, 'polisen').compilation);
    const skolan = report('skolan', toPeriodContext(week, 'skolan').compilation);
    expect(isLocked(polisen, toPeriodContext(week, 'polisen'))).toBe(false);

    const afterTakeIn = evolvePeriod(week, takenIn('polisen'));
    expect(isLocked(polisen, toPeriodContext(afterTakeIn, 'polisen'))).toBe(true);
    expect(isLocked(skolan, toPeriodContext(afterTakeIn, 'skolan'))).toBe(false);

    // Reopened again after that take-in: open until the next one.
    const reopenedAgain = report('polisen', toPeriodContext(afterTakeIn, 'polisen').compilation);
    expect(isLocked(reopenedAgain, toPeriodContext(afterTakeIn, 'polisen'))).toBe(false);
    const second = evolvePeriod(afterTakeIn, takenIn('polisen'));
    expect(isLocked(reopenedAgain, toPeriodContext(second, 'polisen'))).toBe(true);
  });

  it('a reopening recorded before take-ins were counted still holds until the first take-in', () => {
    const week = fold(compiled(['polisen']));
    expect(isLocked(report('skolan', 1), toPeriodContext(week, 'skolan'))).toBe(false);
    expect(
      isLocked(report('skolan', 1), toPeriodContext(evolvePeriod(week, takenIn('skolan')), 'skolan')),
    ).toBe(true);
  });
});
