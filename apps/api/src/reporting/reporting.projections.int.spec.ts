import fc from 'fast-check';
import { openPostgres, type SqlDatabase, type SqlExecutor } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
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
    // An edit that declares no attendance keeps the one declared before.
    event('b', 'NarrativeWritten', { changes: [] }),
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

/** Both engines run the projection's SQL (PGlite in development and tests, PostgreSQL in production). */
function reportListSuite(open: () => Promise<{ db: SqlDatabase; close: () => Promise<void> }>) {
  let db: SqlDatabase;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await open());
    await reportListProjection.setup(db);
  });
  afterAll(() => close());

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
        version: 7,
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

  it("writes the touches of many reports in one statement, a report's own before its other events", async () => {
    await reportListProjection.reset(db);
    const reports = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const event = (report: string, streamVersion: number, type: ReportEvent['type'], data: object) =>
      ({
        streamId: `report-${report}`,
        streamVersion,
        type,
        data,
        metadata: { occurredAt: `2024-11-25T09:${String(streamVersion).padStart(2, '0')}:00.000Z` },
      }) as unknown as ProjectedEvent<ReportEvent>;
    const incident = { incidentId: 'i', incident: {}, changes: [] };
    await reportListProjection.apply(
      reports.map((report) =>
        event(report, 1, 'ReportOpened', { period: '2024-W48', organisationId: report, openedById: 'u1' }),
      ),
      db,
    );
    const statements: string[] = [];
    const counting: SqlExecutor = {
      query: (text, params) => {
        statements.push(text);
        return db.query(text, params);
      },
    };
    await reportListProjection.apply(
      [
        ...reports.map((report) => event(report, 2, 'IncidentReported', incident)),
        event('r0', 3, 'ReportSubmitted', { submittedAt: '2024-11-25T10:00:00.000Z', submission: 1 }),
        ...reports.map((report, i) => event(report, i === 0 ? 4 : 3, 'IncidentReported', incident)),
      ],
      counting,
    );
    // All 20 first touches before r0's submission (which must follow its own), the submission,
    // then all 20 second touches: 3 statements, where one UPDATE per report took 22.
    expect(statements).toHaveLength(3);
    expect(await rows()).toEqual(
      expect.arrayContaining(
        reports.map((report, i) =>
          expect.objectContaining({
            report_id: report,
            status: i === 0 ? 'amended' : 'draft',
            incident_count: 2,
            submissions: i === 0 ? 1 : 0,
          }),
        ),
      ),
    );
  });
}

describe('reporting.reports projection (PGlite)', () => {
  reportListSuite(async () => {
    const db = await freshPglite();
    return { db, close: () => db.close() };
  });
});

describeWith(['postgres'], 'reporting.reports projection (PostgreSQL)', () => {
  reportListSuite(async () => {
    const database = await createTestDatabase();
    const db = openPostgres(database.url, { max: 2 });
    return {
      db,
      close: async () => {
        await db.close();
        await database.drop();
      },
    };
  });
});
