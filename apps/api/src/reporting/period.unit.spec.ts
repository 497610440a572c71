import fc from 'fast-check';
import { DomainError } from '../platform/domain/domain-error.js';
import {
  addWeeks,
  calendarOf,
  comparePeriods,
  formatPeriod,
  isLate,
  parsePeriod,
  periodContaining,
  tryParsePeriod,
  weeksInIsoYear,
} from './period.js';

describe('periods (ISO weeks in Swedish time)', () => {
  it('parses and formats 2024-W48', () => {
    expect(parsePeriod('2024-W48')).toEqual({ year: 2024, week: 48 });
    expect(formatPeriod({ year: 2025, week: 1 })).toBe('2025-W01');
  });

  it.each(['2024-48', '2024-W4', '2024-W00', '2024-W54', 'W48', '2024-w48', ' 2024-W48', '2024-W48x'])(
    'refuses %j as invalid input naming the field',
    (text) => {
      expect(() => parsePeriod(text)).toThrow(DomainError);
      expect(tryParsePeriod(text)).toBeNull();
    },
  );

  it('follows ISO 8601 at year boundaries: 2020-W53 exists, 2021-W53 does not', () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2021)).toBe(52);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(calendarOf(parsePeriod('2020-W53'))).toMatchObject({
      startsOn: '2020-12-28',
      endsOn: '2021-01-03',
    });
    expect(() => parsePeriod('2021-W53')).toThrow(DomainError);
  });

  it('puts 1 January in the previous year’s week where ISO says so', () => {
    expect(formatPeriod(periodContaining(new Date('2021-01-01T12:00:00Z')))).toBe('2020-W53');
    expect(formatPeriod(periodContaining(new Date('2024-12-30T12:00:00Z')))).toBe('2025-W01');
    expect(calendarOf(parsePeriod('2025-W01'))).toMatchObject({
      startsOn: '2024-12-30',
      endsOn: '2025-01-05',
    });
  });

  it('decides the week by Swedish time, not UTC', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Stockholm.
    expect(formatPeriod(periodContaining(new Date('2024-12-01T23:30:00Z')))).toBe('2024-W49');
    expect(formatPeriod(periodContaining(new Date('2024-12-01T22:30:00Z')))).toBe('2024-W48');
  });

  it('gives the seed week its dates and a Monday 09:00 deadline after the week', () => {
    expect(calendarOf(parsePeriod('2024-W48'))).toEqual({
      id: '2024-W48',
      startsOn: '2024-11-25',
      endsOn: '2024-12-01',
      meetingOn: '2024-12-02',
      monthlyMeeting: true,
      reportingDeadline: '2024-12-02T09:00:00+01:00',
    });
  });

  it('keeps the deadline at 09:00 local time in summer time', () => {
    expect(calendarOf(parsePeriod('2024-W26')).reportingDeadline).toBe('2024-07-01T09:00:00+02:00');
  });

  it('takes a configured deadline (Friday 15:00 of the week itself)', () => {
    const settings = { deadline: { daysAfterWeek: -2, time: '15:00' }, meetingWeekday: 1 as const };
    expect(calendarOf(parsePeriod('2024-W48'), settings).reportingDeadline).toBe('2024-11-29T15:00:00+01:00');
  });

  it('flags the month’s first meeting: the seed’s v01 2025 is a månadsmöte, v02 is not', () => {
    expect(calendarOf(parsePeriod('2025-W01'))).toMatchObject({
      meetingOn: '2025-01-06',
      monthlyMeeting: true,
    });
    expect(calendarOf(parsePeriod('2025-W02'))).toMatchObject({
      meetingOn: '2025-01-13',
      monthlyMeeting: false,
    });
  });

  it('moves the månadsmöte with a configured meeting weekday (Thursday)', () => {
    const thursday = { deadline: { daysAfterWeek: 1, time: '09:00' }, meetingWeekday: 4 as const };
    // 2025-W05 is followed by Thursday 6 February, the first Thursday of February.
    expect(calendarOf(parsePeriod('2025-W05'), thursday)).toMatchObject({
      meetingOn: '2025-02-06',
      monthlyMeeting: true,
    });
    expect(calendarOf(parsePeriod('2025-W04'), thursday)).toMatchObject({
      meetingOn: '2025-01-30',
      monthlyMeeting: false,
    });
  });

  it('marks a submission after the deadline as late', () => {
    const week = parsePeriod('2024-W48');
    expect(isLate(week, new Date('2024-12-02T07:59:59Z'))).toBe(false);
    expect(isLate(week, new Date('2024-12-02T08:00:01Z'))).toBe(true);
  });

  it('has exactly one månadsmöte per month and 7-day weeks that tile the calendar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2098 }), fc.integer({ min: 1, max: 7 }), (year, weekday) => {
        const settings = { deadline: { daysAfterWeek: 1, time: '09:00' }, meetingWeekday: weekday as 1 };
        const monthly = new Map<string, number>();
        let previousEnd: string | null = null;
        for (let week = 1; week <= weeksInIsoYear(year); week++) {
          const calendar = calendarOf({ year, week }, settings);
          if (previousEnd !== null) {
            const gap = Date.parse(calendar.startsOn) - Date.parse(previousEnd);
            expect(gap).toBe(24 * 3600 * 1000);
          }
          previousEnd = calendar.endsOn;
          expect(parsePeriod(calendar.id)).toEqual({ year, week });
          if (calendar.monthlyMeeting) {
            const month = calendar.meetingOn.slice(0, 7);
            monthly.set(month, (monthly.get(month) ?? 0) + 1);
          }
        }
        for (const count of monthly.values()) expect(count).toBe(1);
      }),
      { numRuns: 8 },
    );
  });

  it('steps weeks across year ends', () => {
    expect(formatPeriod(addWeeks(parsePeriod('2020-W52'), 1))).toBe('2020-W53');
    expect(formatPeriod(addWeeks(parsePeriod('2020-W53'), 1))).toBe('2021-W01');
    expect(formatPeriod(addWeeks(parsePeriod('2025-W01'), -1))).toBe('2024-W52');
    expect(comparePeriods(parsePeriod('2024-W52'), parsePeriod('2025-W01'))).toBeLessThan(0);
  });
});
