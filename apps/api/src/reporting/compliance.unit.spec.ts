import { complianceOf, recordWeeks } from './compliance.js';
import { defaultPeriodSettings, formatPeriod, parsePeriod } from './period.js';

const week = parsePeriod('2024-W48'); // deadline Monday 2 December 09:00 (08:00Z)
const organisations = [
  { id: 'polisen', name: 'Polisen' },
  { id: 'skolan', name: 'Skolan' },
  { id: 'nvk', name: 'NVK' },
  { id: 'kultur', name: 'Kultur & Fritid' },
];
const row = (organisationId: string, countedSubmittedAt: string | null, period = '2024-W48') => ({
  reportId: `${period}.${organisationId}`,
  period,
  organisationId,
  status: countedSubmittedAt ? ('submitted' as const) : ('draft' as const),
  countedSubmittedAt,
});

describe('compliance', () => {
  const reports = [
    row('polisen', '2024-11-29T15:00:00+01:00'),
    row('skolan', '2024-12-02T10:30:00+01:00'),
    row('nvk', null),
    row('polisen', '2024-11-22T10:00:00+01:00', '2024-W47'),
  ];

  it('tells on time, late, pending and missing apart around the deadline', () => {
    const before = complianceOf(
      week,
      organisations,
      reports,
      new Date('2024-12-02T07:00:00Z'),
      defaultPeriodSettings,
    );
    expect(before.map((entry) => [entry.organisationId, entry.state])).toEqual([
      ['polisen', 'on_time'],
      ['skolan', 'late'],
      ['nvk', 'pending'],
      ['kultur', 'pending'],
    ]);
    const after = complianceOf(
      week,
      organisations,
      reports,
      new Date('2024-12-02T09:00:00Z'),
      defaultPeriodSettings,
    );
    expect(after.map((entry) => entry.state)).toEqual(['on_time', 'late', 'missing', 'missing']);
    expect(after[2]).toMatchObject({ reportId: '2024-W48.nvk', reportStatus: 'draft', submittedAt: null });
  });

  it('keeps a 12-week record per organisation, oldest first, ending with the period', () => {
    const [police] = complianceOf(
      week,
      organisations,
      reports,
      new Date('2024-12-03T00:00:00Z'),
      defaultPeriodSettings,
    );
    expect(police?.record).toHaveLength(12);
    expect(police?.record.at(-1)).toEqual({ period: '2024-W48', state: 'on_time' });
    expect(police?.record.at(-2)).toEqual({ period: '2024-W47', state: 'on_time' });
    expect(police?.record.at(0)).toEqual({ period: '2024-W37', state: 'missing' });
  });

  it('crosses the year end in the record', () => {
    expect(recordWeeks(parsePeriod('2021-W02')).map(formatPeriod).slice(8)).toEqual([
      '2020-W52',
      '2020-W53',
      '2021-W01',
      '2021-W02',
    ]);
  });
});

describe('compliance of organisations registered during the record', () => {
  const after = new Date('2024-12-03T00:00:00Z');
  const joined = [
    { id: 'polisen', name: 'Polisen', registeredAt: '2024-01-01T00:00:00.000Z' },
    // Registered a minute after 2024-W48's deadline.
    { id: 'skolan', name: 'Skolan', registeredAt: '2024-12-02T08:01:00.000Z' },
    { id: 'nvk', name: 'NVK', registeredAt: '2024-12-02T08:01:00.000Z' },
  ];

  it('leaves out an organisation registered after the deadline, unless it filed for the week', () => {
    const entries = complianceOf(
      week,
      joined,
      [row('nvk', '2024-12-02T10:00:00+01:00')],
      after,
      defaultPeriodSettings,
    );
    expect(entries.map((entry) => [entry.organisationId, entry.state])).toEqual([
      ['polisen', 'missing'],
      ['nvk', 'late'],
    ]);
    expect(entries[0]!.record).toHaveLength(12);
    expect(entries[1]!.record).toEqual([{ period: '2024-W48', state: 'late' }]);
  });

  it('expects it from the next week on', () => {
    const next = complianceOf(parsePeriod('2024-W49'), joined, [], after, defaultPeriodSettings);
    expect(next.map((entry) => [entry.organisationId, entry.state])).toEqual([
      ['polisen', 'pending'],
      ['skolan', 'pending'],
      ['nvk', 'pending'],
    ]);
    expect(next[1]!.record).toEqual([{ period: '2024-W49', state: 'pending' }]);
  });
});
