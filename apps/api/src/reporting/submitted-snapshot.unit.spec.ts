import { DEFAULT_CRIME_CATEGORIES } from '@laget/contracts';
import { parseOccurredAt } from './occurred-at.js';
import type { ReportEvent } from './report.decider.js';
import { submittedSnapshotOf } from './submitted-snapshot.js';

const opened: ReportEvent = {
  type: 'ReportOpened',
  data: {
    reportId: '2024-W48.nvk',
    period: '2024-W48',
    organisationId: 'nvk',
    openedById: 'u',
    openedAt: '2024-11-29T10:00:00Z',
  },
};
const incident: ReportEvent = {
  type: 'IncidentReported',
  data: {
    incidentId: 'i1',
    incident: {
      problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
      location: 'Inne på toaletten',
      placeId: null,
      occurredAt: parseOccurredAt('250107'),
      frequency: '',
      category: 'skadegorelse',
      tags: [],
      assessment: { severity: 2, scope: 'EA' },
      comment: 'Söndersparkat vattenlås.',
    },
    changes: [],
  },
};
const narrative = (text: string): ReportEvent => ({
  type: 'NarrativeWritten',
  data: { changes: [{ field: 'narrative', before: '', after: text }] },
});
const submitted: ReportEvent = {
  type: 'ReportSubmitted',
  data: { submittedAt: '2024-11-29T11:00:00Z', submission: 1 },
};

describe('the snapshot a compile takes of a submitted report', () => {
  it('takes the report as submitted, with that version', () => {
    const snapshot = submittedSnapshotOf(
      [opened, incident, narrative('Lugnt just nu.'), submitted],
      'NVK',
      DEFAULT_CRIME_CATEGORIES,
    );
    expect(snapshot).toMatchObject({
      reportId: '2024-W48.nvk',
      reportVersion: 4,
      organisationName: 'NVK',
      narrative: { kind: 'text', text: 'Lugnt just nu.' },
      incidents: [{ id: 'i1', occurredAt: '250107', assessment: { severity: 2, scope: 'EA' } }],
    });
  });

  it('ignores an amendment that has not been re-submitted', () => {
    const snapshot = submittedSnapshotOf(
      [opened, narrative('Först'), submitted, narrative('Sedan')],
      'NVK',
      [],
    );
    expect(snapshot).toMatchObject({ reportVersion: 3, narrative: { kind: 'text', text: 'Först' } });
  });

  it('takes nothing from drafts and withdrawn reports', () => {
    expect(submittedSnapshotOf([opened, narrative('x')], 'NVK', [])).toBeNull();
    const withdrawn: ReportEvent = {
      type: 'ReportWithdrawn',
      data: { withdrawnAt: 'x', reason: null, previousStatus: 'submitted' },
    };
    expect(submittedSnapshotOf([opened, narrative('x'), submitted, withdrawn], 'NVK', [])).toBeNull();
  });

  it('says "not attending" as such', () => {
    const notAttending: ReportEvent = {
      type: 'AttendanceDeclared',
      data: { changes: [{ field: 'attendance', before: 'reporting', after: 'not_attending' }] },
    };
    expect(submittedSnapshotOf([opened, notAttending, submitted], 'Kultur & Fritid', [])?.narrative).toEqual({
      kind: 'not_attending',
    });
  });

  it('writes the police statistics as the seed’s paragraph, and as rows', () => {
    const statistics: ReportEvent = {
      type: 'PoliceStatisticsRecorded',
      data: {
        changes: [
          {
            field: 'statistics',
            before: null,
            after: {
              handelserapporter: 29,
              arenden: 13,
              brott: 21,
              note: 'Huvudsakligen egeninitierat.',
              categories: [
                { category: 'forsok_till_bedrageri', count: 3, note: 'postnord, resebolag, klarna' },
                { category: 'viltolycka', count: 1 },
              ],
            },
          },
        ],
      },
    };
    const snapshot = submittedSnapshotOf(
      [opened, statistics, submitted],
      'Polisen',
      DEFAULT_CRIME_CATEGORIES,
    );
    expect(snapshot?.statistics?.text).toBe(
      '29 händelserapporter, huvudsakligen egeninitierat. 13 ärenden med sammanlagt 21 brott; ' +
        '3 försök till bedrägeri (postnord, resebolag, klarna), 1 viltolycka.',
    );
    expect(snapshot?.statistics?.items.map((item) => [item.key, item.count])).toEqual([
      ['handelserapporter', 29],
      ['arenden', 13],
      ['brott', 21],
      ['forsok_till_bedrageri', 3],
      ['viltolycka', 1],
    ]);
  });
});
