import fc from 'fast-check';
import { freshPglite, type SqlDatabase } from '@laget/event-store';
import type { ProjectedEvent } from '../platform/projections/projection.js';
import type { ReportEvent } from './report.decider.js';
import { reportListProjection } from './reporting.projections.js';

/** A week of two reports: edits, submissions, an amendment, a withdrawal, a reopening. */
function history(): ProjectedEvent<ReportEvent>[] {
  const versions = new Map<string, number>();
  let minute = 0;
  const event = (report: string, type: ReportEvent['type'], data: object) => {
    const version = (versions.get(report) ?? 0) + 1;
    versions.set(report, version);
    minute++;
    return {
      streamId: `report-${report}`,
      streamVersion: version,
      type,
      data,
      metadata: { occurredAt: `2024-11-25T08:${String(minute).padStart(2, '0')}:00.000Z` },
    } as unknown as ProjectedEvent<ReportEvent>;
  };
  const incident = { incidentId: 'i', incident: {}, changes: [] };
  const opened = (report: string, organisationId: string) =>
    event(report, 'ReportOpened', {
      reportId: report,
      period: '2024-W48',
      organisationId,
      openedById: 'u1',
      openedAt: '2024-11-25T08:00:00.000Z',
    });
  return [
    opened('a', 'skolan'),
    event('a', 'IncidentReported', incident),
    event('a', 'IncidentReported', incident),
    opened('b', 'nvk'),
    event('b', 'AttendanceDeclared', {
      changes: [{ field: 'attendance', before: 'reporting', after: 'not_attending' }],
    }),
    event('a', 'NarrativeWritten', { changes: [] }),
    event('a', 'ReportSubmitted', { submittedAt: '2024-11-25T09:00:00.000Z', submission: 1 }),
    event('b', 'ReportSubmitted', { submittedAt: '2024-11-25T09:30:00.000Z', submission: 1 }),
    event('a', 'IncidentReported', incident),
    event('a', 'IncidentWithdrawn', { incidentId: 'i', reason: null, changes: [] }),
    event('a', 'IncidentEdited', { incidentId: 'i', changes: [] }),
    event('a', 'ReportResubmitted', { submittedAt: '2024-11-25T10:00:00.000Z', submission: 2 }),
    event('b', 'ReportWithdrawn', {
      withdrawnAt: '2024-11-25T10:30:00.000Z',
      reason: null,
      previousStatus: 'submitted',
    }),
    event('b', 'AttendanceDeclared', {
      changes: [{ field: 'attendance', before: 'not_attending', after: 'reporting' }],
    }),
    event('b', 'IncidentReported', incident),
    event('a', 'ReportReopened', { reason: 'rättelse', compilation: 1 }),
    event('a', 'PoliceStatisticsRecorded', { changes: [] }),
  ];
}

describe('reporting.reports projection', () => {
  let db: SqlDatabase;

  beforeAll(async () => {
    db = await freshPglite();
    await reportListProjection.setup(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const rows = async () => (await db.query('SELECT * FROM reporting_reports ORDER BY report_id')).rows;

  it('builds the same rows however the log is cut into batches, after every batch', async () => {
    const events = history();
    await reportListProjection.reset(db);
    // The rows after each event, applied one at a time.
    const after: unknown[][] = [];
    for (const event of events) {
      await reportListProjection.apply([event], db);
      after.push(await rows());
    }
    const oneByOne = after.at(-1);
    expect(oneByOne).toEqual([
      expect.objectContaining({
        report_id: 'a',
        status: 'amended',
        incident_count: 2,
        submissions: 2,
        version: 11,
      }),
      expect.objectContaining({
        report_id: 'b',
        status: 'draft',
        incident_count: 1,
        attendance: 'reporting',
        version: 6,
      }),
    ]);

    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: events.length - 1 })), async (cuts) => {
        await reportListProjection.reset(db);
        const bounds = [0, ...cuts.sort((x, y) => x - y), events.length];
        for (let i = 0; i + 1 < bounds.length; i++) {
          await db.transaction((tx) =>
            reportListProjection.apply(events.slice(bounds[i], bounds[i + 1]), tx),
          );
          expect(await rows()).toEqual(after[bounds[i + 1]! - 1]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
