import { describe, expect, it } from 'vitest';
import { complianceCounts, complianceOf } from './compliance.js';

const organisations = [
  { id: 'polisen', name: 'Polisen', active: true },
  { id: 'skolan', name: 'Skolan', active: true },
  { id: 'nvk', name: 'NVK', active: true },
  { id: 'ostra', name: 'Östra skolan', active: true },
  { id: 'gammal', name: 'Nedlagd förening', active: false },
];
const reports = [
  {
    id: 'r1',
    organisationId: 'polisen',
    status: 'submitted' as const,
    submittedAt: '2024-12-01T10:00:00+01:00',
  },
  { id: 'r2', organisationId: 'skolan', status: 'draft' as const, submittedAt: null },
  { id: 'r3', organisationId: 'ostra', status: 'amended' as const, submittedAt: '2024-12-02T10:00:00+01:00' },
];
const week = { id: '2024-W48', reportingDeadline: '2024-12-02T09:00:00+01:00' };

describe('who has reported for a week', () => {
  it('before the deadline: on time or pending, active organisations only, in Swedish order (Ö last)', () => {
    const entries = complianceOf(week, organisations, reports, new Date('2024-12-01T12:00:00Z'));
    expect(entries.map((e) => [e.organisationName, e.state])).toEqual([
      ['NVK', 'pending'],
      ['Polisen', 'on_time'],
      ['Skolan', 'pending'],
      ['Östra skolan', 'late'],
    ]);
  });

  it('after the deadline whoever has not submitted is missing', () => {
    const entries = complianceOf(week, organisations, reports, new Date('2024-12-02T09:00:01+01:00'));
    expect(complianceCounts(entries)).toEqual({ total: 4, reported: 2, missing: 2 });
  });

  it("uses the API's own answer where it has one", () => {
    const compliance = [
      {
        organisationId: 'x',
        organisationName: 'X',
        state: 'late' as const,
        reportId: null,
        reportStatus: null,
        submittedAt: null,
        record: [],
      },
    ];
    expect(complianceOf({ ...week, compliance }, organisations, reports)).toBe(compliance);
  });

  it('leaves out an organisation registered after the deadline, unless it has a report for the week', () => {
    const joined = [
      ...organisations,
      { id: 'ny', name: 'Ny förening', active: true, createdAt: '2024-12-02T08:01:00Z' },
      { id: 'tidig', name: 'Tidig förening', active: true, createdAt: '2024-12-02T07:59:00Z' },
    ];
    const names = complianceOf(week, joined, reports, new Date('2024-12-03T12:00:00Z')).map(
      (e) => e.organisationName,
    );
    expect(names).toContain('Tidig förening');
    expect(names).not.toContain('Ny förening');
    const filed = complianceOf(
      week,
      joined,
      [
        ...reports,
        { id: 'r5', organisationId: 'ny', status: 'submitted' as const, submittedAt: '2024-12-03T10:00:00Z' },
      ],
      new Date('2024-12-03T12:00:00Z'),
    );
    expect(filed.find((e) => e.organisationId === 'ny')?.state).toBe('late');
  });
});
