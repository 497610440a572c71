import fc from 'fast-check';
import { DEFAULT_RETENTION, gallringSettings, parseRetention } from './gallring.settings.js';
import { type KeyRow, isDue, monthsBefore } from './retention-rules.js';

const key = (over: Partial<KeyRow>): KeyRow => ({
  keyId: 'k',
  subject: 'report-2024-W48.org-1',
  kind: 'report',
  week: '2024-W48',
  createdAt: new Date('2024-11-25T00:00:00Z'),
  ...over,
});
const never = () => null;

describe('retention rules', () => {
  it('defaults to the dokumenthanteringsplan and reads kind=months, refusing anything else', () => {
    expect(parseRetention(undefined)).toEqual(DEFAULT_RETENTION);
    expect(parseRetention(' report=36 , login=6')).toEqual({ ...DEFAULT_RETENTION, report: 36, login: 6 });
    for (const bad of [
      'report',
      'report=',
      'report=-1',
      'report=0',
      'reports=24',
      '__proto__=1',
      'report=1e3',
    ])
      expect(() => parseRetention(bad)).toThrow();
    expect(gallringSettings.safeParse({ LAGET_RETENTION: 'report=x' }).success).toBe(false);
  });

  it('gallrar a month’s IP addresses once the month ended more than the rule’s months ago, whenever its key was made', () => {
    const rules = parseRetention('ip=12');
    expect(rules.ip).toBe(12);
    expect(DEFAULT_RETENTION.ip).toBe(12);
    // Made today by the rewrite step for events of March 2025, which ended on 1 April 2025.
    const march = key({ kind: 'ip', subject: 'ip-2025-03', week: '2025-03', createdAt: new Date() });
    expect(isDue(march, rules, new Date('2026-03-31T23:59:59Z'), never)).toBe(false);
    expect(isDue(march, rules, new Date('2026-04-01T00:00:00Z'), never)).toBe(true);
    expect(isDue(key({ kind: 'ip', week: 'mars' }), rules, new Date('2099-01-01Z'), never)).toBe(false);
  });

  it('gallrar a report once its week ended more than the rule’s months ago, not a day before', () => {
    const rules = parseRetention('report=24');
    // 2024-W48 ends Sunday 1 December 2024.
    expect(isDue(key({}), rules, new Date('2026-12-01T12:00:00Z'), never)).toBe(false);
    expect(isDue(key({}), rules, new Date('2026-12-02T00:00:01Z'), never)).toBe(true);
    expect(
      isDue(key({ kind: 'lagesbild', subject: 'lagesbild-2024-W48' }), rules, new Date('2026-06-01Z'), never),
    ).toBe(false);
    expect(isDue(key({ kind: 'other', week: null }), rules, new Date('2099-01-01Z'), never)).toBe(false);
  });

  it('gallrar a period analysis (month, tertial, year) once its last week ended the rule’s months ago', () => {
    const rules = parseRetention('lagesbild=24');
    const analysis = (period: string) =>
      key({ kind: 'lagesbild', subject: `lagesbild-${period}`, week: period });
    // November 2024's last week is 2024-W48 (the Thursday rule), ending Sunday 1 December 2024.
    expect(isDue(analysis('2024-11'), rules, new Date('2026-12-01T12:00:00Z'), never)).toBe(false);
    expect(isDue(analysis('2024-11'), rules, new Date('2026-12-02T00:00:01Z'), never)).toBe(true);
    // 2024-T3 and the year 2024 end with 2024-W52 (29 December 2024).
    expect(isDue(analysis('2024-T3'), rules, new Date('2026-12-28T00:00:00Z'), never)).toBe(false);
    expect(isDue(analysis('2024'), rules, new Date('2026-12-30T00:00:01Z'), never)).toBe(true);
  });

  it('gallrar a login only when deactivated long enough, never an active or reactivated one', () => {
    const rules = parseRetention('login=12');
    const login = key({ kind: 'login', subject: 'user-1', week: null });
    const now = new Date('2026-12-03T00:00:00Z');
    expect(isDue(login, rules, now, () => null)).toBe(false);
    expect(isDue(login, rules, now, () => new Date('2025-12-04T00:00:00Z'))).toBe(false);
    expect(isDue(login, rules, now, () => new Date('2025-12-02T00:00:00Z'))).toBe(true);
  });

  it('moves back whole calendar months, clamping the day (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01Z'), max: new Date('2100-01-01Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 120 }),
        (date, months) => {
          const back = monthsBefore(date, months);
          expect(back.getTime()).toBeLessThan(date.getTime());
          const monthDelta =
            (date.getUTCFullYear() - back.getUTCFullYear()) * 12 + date.getUTCMonth() - back.getUTCMonth();
          expect(monthDelta).toBe(months);
          expect(back.getUTCDate()).toBeLessThanOrEqual(date.getUTCDate());
        },
      ),
    );
  });
});
