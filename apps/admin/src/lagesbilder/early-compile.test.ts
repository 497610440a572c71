import { describe, expect, it } from 'vitest';
import { earlyCompileQuestion, timeLeft } from './early-compile.js';

describe('the question in an early compile’s refusal', () => {
  const details = {
    field: 'confirmEarly',
    reportingDeadline: '2024-12-02T09:00:00+01:00',
    missingOrganisations: [
      { id: 'o1', name: 'Polisen' },
      { id: 'o2', name: 'Socialtjänsten' },
    ],
  };

  it('reads the missing organisations and the deadline from a 409', () => {
    expect(earlyCompileQuestion({ status: 409, body: { details } })).toEqual({
      missingOrganisations: details.missingOrganisations,
      reportingDeadline: details.reportingDeadline,
    });
  });

  it('is no question for another refusal', () => {
    expect(earlyCompileQuestion({ status: 409, body: { message: 'redan sammanställd' } })).toBeUndefined();
    expect(earlyCompileQuestion({ status: 422, body: { details } })).toBeUndefined();
    expect(earlyCompileQuestion(undefined)).toBeUndefined();
  });
});

describe('the time left before the deadline', () => {
  const deadline = '2024-12-02T09:00:00+01:00';

  it('counts days, hours and minutes', () => {
    expect(timeLeft(deadline, new Date('2024-11-27T10:00:00+01:00'))).toEqual({
      days: 4,
      hours: 23,
      minutes: 0,
    });
    expect(timeLeft(deadline, new Date('2024-12-02T08:14:30+01:00'))).toEqual({
      days: 0,
      hours: 0,
      minutes: 45,
    });
  });

  it('is nothing once the deadline has passed', () => {
    expect(timeLeft(deadline, new Date('2024-12-03T10:00:00+01:00'))).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
    });
  });
});
