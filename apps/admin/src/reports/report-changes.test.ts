import type { IncidentView, ReportView } from '@laget/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportChanges } from './report-changes.js';

const incident = (id: string, problem: string, extra: Partial<IncidentView> = {}): IncidentView => ({
  id,
  problem,
  location: 'Skolgården',
  placeId: null,
  occurredAt: 'fredag kväll',
  occurredAtParsed: null,
  frequency: 'varje vecka',
  category: 'skadegorelse',
  tags: [],
  assessment: { severity: 2, scope: 'E' },
  comment: '',
  ...extra,
});

const report = (extra: Partial<ReportView> = {}): ReportView => ({
  id: 'r1',
  period: '2024-W48',
  organisationId: 'skolan',
  status: 'draft',
  attendance: 'reporting',
  narrative: 'Lugnt.',
  statistics: null,
  incidents: [incident('i1', 'Klotter')],
  submissions: 0,
  submittedAt: null,
  locked: false,
  version: 3,
  ...extra,
});

describe('what someone else changed in a report', () => {
  it('names nothing when nothing changed but the version', () => {
    expect(reportChanges(report(), report({ version: 4 }))).toEqual([]);
  });

  it('names the narrative, the status and each incident by its problem', () => {
    const after = report({
      status: 'submitted',
      narrative: 'Lugnt just nu.',
      incidents: [
        incident('i1', 'Klotter', { assessment: { severity: 4, scope: 'EA' } }),
        incident('i2', 'Skadegörelse'),
      ],
    });
    expect(reportChanges(report(), after)).toEqual([
      { kind: 'status', from: 'draft', to: 'submitted' },
      { kind: 'narrative' },
      { kind: 'incident_changed', problem: 'Klotter' },
      { kind: 'incident_added', problem: 'Skadegörelse' },
    ]);
    expect(reportChanges(after, report())).toContainEqual({
      kind: 'incident_removed',
      problem: 'Skadegörelse',
    });
  });

  it('finds every added and removed incident', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 })),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 })),
        (a, b) => {
          const before = report({ incidents: a.map((n) => incident(`i${n}`, `P${n}`)) });
          const after = report({ incidents: b.map((n) => incident(`i${n}`, `P${n}`)) });
          const changes = reportChanges(before, after);
          const added = changes.filter((c) => c.kind === 'incident_added').length;
          const removed = changes.filter((c) => c.kind === 'incident_removed').length;
          return (
            added === b.filter((n) => !a.includes(n)).length &&
            removed === a.filter((n) => !b.includes(n)).length
          );
        },
      ),
    );
  });
});
