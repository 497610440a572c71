import fc from 'fast-check';
import { parseOccurredAt } from './occurred-at.js';

const week1 = { startsOn: '2024-12-30' }; // 2025-W01
const week48 = { startsOn: '2024-11-25' };

describe('occurredAt: what the reporter wrote, plus a date where it parses', () => {
  it.each([
    ['250107', week48, { kind: 'date', on: '2025-01-07' }],
    ['2025-01-07', undefined, { kind: 'date', on: '2025-01-07' }],
    ['20250107', undefined, { kind: 'date', on: '2025-01-07' }],
    ['7/1', week1, { kind: 'date', on: '2025-01-07' }],
    ['30/12', week1, { kind: 'date', on: '2024-12-30' }],
    ['7 jan', week1, { kind: 'date', on: '2025-01-07' }],
    ['7:e Januari 2025', undefined, { kind: 'date', on: '2025-01-07' }],
    ['7/1 kl 22', week1, { kind: 'date', on: '2025-01-07', time: '22:00' }],
    ['250107 22:30', undefined, { kind: 'date', on: '2025-01-07', time: '22:30' }],
    ['3-5 jan', week1, { kind: 'range', from: '2025-01-03', to: '2025-01-05' }],
    ['250103–250105', undefined, { kind: 'range', from: '2025-01-03', to: '2025-01-05' }],
    ['28 dec - 2 jan', week1, { kind: 'range', from: '2024-12-28', to: '2025-01-02' }],
    ['2024-11-25 till 2024-11-27', undefined, { kind: 'range', from: '2024-11-25', to: '2024-11-27' }],
  ])('%j parses', (raw, reference, parsed) => {
    expect(parseOccurredAt(raw, reference)).toEqual({ raw, parsed });
  });

  it.each([
    'helger, kvällstid',
    '',
    '7 constructor',
    '7 __proto__',
    'ofta',
    '250230', // no 30 February
    '7/1', // no reference week to take the year from
    '5-3 jan', // backwards
    '7 jabuari',
    'kl 25',
  ])('%j keeps only the raw text', (raw) => {
    expect(parseOccurredAt(raw)).toEqual({ raw, parsed: null });
  });

  it('does not read a backwards range as crossing a year end', () => {
    expect(parseOccurredAt('5-3 jan', week1).parsed).toBeNull();
  });

  it('keeps the raw text exactly as written', () => {
    expect(parseOccurredAt('  Helger, KVÄLLSTID ')).toEqual({ raw: '  Helger, KVÄLLSTID ', parsed: null });
  });

  it('never throws and only returns real calendar dates (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const result = parseOccurredAt(raw, week1);
        expect(result.raw).toBe(raw);
        const dates =
          result.parsed === null
            ? []
            : result.parsed.kind === 'date'
              ? [result.parsed.on]
              : [result.parsed.from, result.parsed.to];
        for (const date of dates) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
        if (result.parsed?.kind === 'range') expect(result.parsed.from < result.parsed.to).toBe(true);
      }),
    );
  });
});
