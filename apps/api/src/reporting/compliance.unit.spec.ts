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
