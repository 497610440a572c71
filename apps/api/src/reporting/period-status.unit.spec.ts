import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { evolvePeriod, initialPeriodState, toPeriodContext, type PeriodState } from './period-status.js';
import {
  isLocked,
  reportDecider,
  type ReportCommand,
  type ReportEvent,
  type ReportState,
} from './report.decider.js';

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
/** The early compile's recorded deadline (Monday 09:00 in Stockholm) and moments around it. */
const deadline = '2024-12-02T08:00:00.000Z';
const friday = '2024-11-29T10:00:00+01:00';
const minuteAfterDeadline = '2024-12-02T09:01:00+01:00';
const as = (organisationId: string, at: string = friday) => ({ organisationId, at: new Date(at) });
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
  const early = { deadline, missingOrganisations: [], confirmedBy: 'c' };

  it('stays open for an organisation the compile left out, until its report is taken in', () => {
    const week = fold(compiled(['polisen'], early));
    expect(toPeriodContext(week, as('skolan'))).toEqual({ status: 'open', compilation: 1 });
    expect(toPeriodContext(week, as('polisen'))).toEqual({ status: 'compiled', compilation: 1 });
    expect(isLocked(report('skolan'), toPeriodContext(week, as('skolan')))).toBe(false);
    expect(isLocked(report('polisen'), toPeriodContext(week, as('polisen')))).toBe(true);

    const afterTakeIn = evolvePeriod(week, takenIn('skolan'));
    expect(isLocked(report('skolan'), toPeriodContext(afterTakeIn, as('skolan')))).toBe(true);
  });

  it('stays open for them until that deadline after publication too: a late report is taken in and published as a correction', () => {
    const week = fold(compiled(['polisen'], early), 'LagesbildPublished');
    expect(toPeriodContext(week, as('skolan')).status).toBe('open');
    expect(toPeriodContext(week, as('polisen')).status).toBe('published');
  });

  it('a week compiled at the deadline locks everyone, reported or not', () => {
    const week = fold(compiled(['polisen']));
    expect(toPeriodContext(week, as('skolan'))).toEqual({ status: 'compiled', compilation: 1 });
  });
});

describe('a week compiled early closes for those left out at the deadline it recorded', () => {
  const spec = deciderSpec(reportDecider);
  const early = { deadline, missingOrganisations: [{ id: 'skolan', name: 'Skolan' }], confirmedBy: 'c' };
  const week = fold(compiled(['polisen'], early));
  const draft: ReportEvent[] = [
    {
      type: 'ReportOpened',
      data: {
        reportId: '2024-W48.skolan',
        period: '2024-W48',
        organisationId: 'skolan',
        openedById: 'u',
        openedAt: friday,
      },
    },
    {
      type: 'NarrativeWritten',
      data: { changes: [{ field: 'narrative', before: '', after: 'Lugn vecka på skolorna.' }] },
    },
  ];
  const locked = { kind: 'rule', details: { period: '2024-W48' } };
  /** The command as ReportAndWeekCommands builds it: the week as Skolan's report sees it at `at`. */
  const submitAt = (at: string, state: PeriodState = week): ReportCommand => ({
    type: 'SubmitReport',
    data: { at, period: toPeriodContext(state, as('skolan', at)) },
  });

  it('given a week compiled early without Skolan, when Skolan submits before the deadline, then the report is submitted', () => {
    spec
      .given(draft)
      .when(submitAt(friday))
      .then([{ type: 'ReportSubmitted', data: { submittedAt: friday, submission: 1 } }]);
  });

  it('given the same week, when Skolan submits at the deadline itself, then it is still in time', () => {
    const atDeadline = '2024-12-02T09:00:00+01:00';
    spec
      .given(draft)
      .when(submitAt(atDeadline))
      .then([{ type: 'ReportSubmitted', data: { submittedAt: atDeadline, submission: 1 } }]);
  });

  it('given the same week, when Skolan submits after the deadline, then the report is locked as in a week compiled on time', () => {
    spec.given(draft).when(submitAt(minuteAfterDeadline)).thenThrows(locked);
    expect(toPeriodContext(week, as('skolan', minuteAfterDeadline))).toEqual(
      toPeriodContext(fold(compiled(['polisen'])), as('skolan', minuteAfterDeadline)),
    );
  });

  it('given the week published before the deadline, when Skolan submits after it, then it is locked too', () => {
    const published = evolvePeriod(week, { type: 'LagesbildPublished', data: {} });
    spec.given(draft).when(submitAt(minuteAfterDeadline, published)).thenThrows(locked);
    expect(toPeriodContext(published, as('skolan', minuteAfterDeadline)).status).toBe('published');
  });

  it('given Skolan submitted in time but is not taken in, when the deadline passes, then its report is locked and the coordinator reopens it to amend it, until its take-in', () => {
    const submitted: ReportEvent[] = [
      ...draft,
      { type: 'ReportSubmitted', data: { submittedAt: friday, submission: 1 } },
    ];
    const editAt = (at: string, state: PeriodState = week): ReportCommand => ({
      type: 'EditReport',
      data: { narrative: 'Rättad text.', categories: [], period: toPeriodContext(state, as('skolan', at)) },
    });
    spec.given(submitted).when(editAt(minuteAfterDeadline)).thenThrows(locked);

    // Reopening needs a submitted report the coordinator can read: a draft stays the organisation's.
    const reason = 'Skolan rättar sin sena rapport';
    const reopen: ReportCommand = {
      type: 'ReopenReport',
      data: { reason, period: toPeriodContext(week, as('skolan', minuteAfterDeadline)) },
    };
    spec
      .given(submitted)
      .when(reopen)
      .then([{ type: 'ReportReopened', data: { reason, compilation: 1 } }]);
    const reopened: ReportEvent[] = [
      ...submitted,
      { type: 'ReportReopened', data: { reason, compilation: 1 } },
    ];
    const later = '2024-12-03T10:00:00+01:00';
    expect(spec.given(reopened).when(editAt(later)).events()).toMatchObject([{ type: 'NarrativeWritten' }]);
    spec
      .given(reopened)
      .when(editAt(later, evolvePeriod(week, takenIn('skolan'))))
      .thenThrows(locked);
  });
});

describe('a reopened report locks again when its amendment is taken in', () => {
  it('locks the reopened report at its take-in, and no other report at another’s', () => {
    const week = fold(compiled(['polisen', 'skolan']));
    // The coordinator reopened both for the current compilation (ReportReopened records it).
    const polisen = report('polisen', toPeriodContext(week, as('polisen')).compilation);
    const skolan = report('skolan', toPeriodContext(week, as('skolan')).compilation);
    expect(isLocked(polisen, toPeriodContext(week, as('polisen')))).toBe(false);

    const afterTakeIn = evolvePeriod(week, takenIn('polisen'));
    expect(isLocked(polisen, toPeriodContext(afterTakeIn, as('polisen')))).toBe(true);
    expect(isLocked(skolan, toPeriodContext(afterTakeIn, as('skolan')))).toBe(false);

    // Reopened again after that take-in: open until the next one.
    const reopenedAgain = report('polisen', toPeriodContext(afterTakeIn, as('polisen')).compilation);
    expect(isLocked(reopenedAgain, toPeriodContext(afterTakeIn, as('polisen')))).toBe(false);
    const second = evolvePeriod(afterTakeIn, takenIn('polisen'));
    expect(isLocked(reopenedAgain, toPeriodContext(second, as('polisen')))).toBe(true);
  });

  it('a reopening recorded before take-ins were counted still holds until the first take-in', () => {
    const week = fold(compiled(['polisen']));
    expect(isLocked(report('skolan', 1), toPeriodContext(week, as('skolan')))).toBe(false);
    expect(
      isLocked(report('skolan', 1), toPeriodContext(evolvePeriod(week, takenIn('skolan')), as('skolan'))),
    ).toBe(true);
  });
});
