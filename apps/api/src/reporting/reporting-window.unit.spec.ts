import fc from 'fast-check';
import { DomainError } from '../platform/domain/domain-error.js';
import { addWeeks, periodContaining, tryParsePeriod } from './period.js';
import { reportingSettingsFrom } from './reporting.settings.js';
import { checkReportingWindow } from './reporting-window.js';

/** Wednesday of 2024-W48. */
const now = new Date('2024-11-27T10:00:00+01:00');
const week = (text: string) => tryParsePeriod(text)!;

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (caught) {
    expect(caught).toBeInstanceOf(DomainError);
    return caught as DomainError;
  }
  throw new Error('not refused');
}

describe('which weeks a report may be opened for', () => {
  it('a reporter: the running week and four weeks back by default', () => {
    for (const period of ['2024-W48', '2024-W47', '2024-W44'])
      expect(() => checkReportingWindow(week(period), now, 4, 'reporter')).not.toThrow();
    const error = refusal(() => checkReportingWindow(week('2000-W10'), now, 4, 'reporter'));
    expect(error.kind).toBe('rule');
    expect(error.details).toEqual({ field: 'period', earliest: '2024-W44', latest: '2024-W48' });
    expect(error.message).toMatch(/^period: rapporter kan öppnas .* tidigast 2024-W44/);
    expect(error.message).toMatch(/reports can be opened for the running week and 4 weeks back/);
    expect(refusal(() => checkReportingWindow(week('2024-W43'), now, 4, 'reporter')).kind).toBe('rule');
  });

  it('the coordinator: any week that has started', () => {
    expect(() => checkReportingWindow(week('2000-W10'), now, 4, 'coordinator')).not.toThrow();
  });

  it('nobody: a week that has not started', () => {
    for (const openedAs of ['reporter', 'coordinator'] as const) {
      const error = refusal(() => checkReportingWindow(week('2024-W49'), now, 4, openedAs));
      expect(error.details).toMatchObject({ field: 'period' });
      expect(error.message).toMatch(/har inte börjat än .* has not started yet/);
    }
  });

  it('for any week count, exactly weeksBack + 1 weeks are open to a reporter around any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2990-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -70, max: 2 }),
        (instant, weeksBack, offset) => {
          const period = addWeeks(periodContaining(instant), offset);
          const allowed = offset <= 0 && offset >= -weeksBack;
          let refused = false;
          try {
            checkReportingWindow(period, instant, weeksBack, 'reporter');
          } catch {
            refused = true;
          }
          return refused === !allowed;
        },
      ),
    );
  });
});

describe('LAGET_REPORTING_WEEKS_BACK', () => {
  it('defaults to 4 and takes a whole number of weeks', () => {
    expect(reportingSettingsFrom({}).reportingWeeksBack).toBe(4);
    expect(reportingSettingsFrom({ LAGET_REPORTING_WEEKS_BACK: '0' }).reportingWeeksBack).toBe(0);
    expect(reportingSettingsFrom({ LAGET_REPORTING_WEEKS_BACK: '12' }).reportingWeeksBack).toBe(12);
  });

  it('refuses anything else at start, naming the variable', () => {
    for (const value of ['-1', 'fyra', '2.5', '10000'])
      expect(() => reportingSettingsFrom({ LAGET_REPORTING_WEEKS_BACK: value })).toThrow(
        /LAGET_REPORTING_WEEKS_BACK/,
      );
  });
});
