import { type SqlExecutor, addColumnIfMissing, createIndexIfMissing } from '@laget/event-store';
import type { DomainEvent } from '../platform/domain/decider.js';
import {
  defineProjection,
  type ProjectedEvent,
  type Projection,
} from '../platform/projections/projection.js';
import { PERIOD_STATUS_EVENT_TYPES, type PeriodStatusEvent } from './period-status.js';
import { PLACE_EVENT_TYPES, type PlaceEvent } from './place-register.decider.js';
import { REPORT_EVENT_TYPES, type ReportEvent } from './report.decider.js';

/**
 * The reporting module's read models. Single reports are read from their streams (exact and
 * current); these tables serve lists, compliance and lookups across streams.
 */

/** One row per report: what the list and the compliance view need, never the contents. */
export const reportListProjection = defineProjection<ReportEvent>({
  name: 'reporting.reports',
  eventTypes: REPORT_EVENT_TYPES,
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS reporting_reports (
        report_id text PRIMARY KEY,
        period text NOT NULL,
        organisation_id text NOT NULL,
        opened_by_id text NOT NULL,
        status text NOT NULL,
        attendance text NOT NULL DEFAULT 'reporting',
        incident_count integer NOT NULL DEFAULT 0,
        submissions integer NOT NULL DEFAULT 0,
        counted_submitted_at timestamptz,
        last_submitted_at timestamptz,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await createIndexIfMissing(
      sql,
      'reporting_reports_period',
      'CREATE INDEX IF NOT EXISTS reporting_reports_period ON reporting_reports (period, organisation_id)',
    );
    await createIndexIfMissing(
      sql,
      'reporting_reports_organisation',
      'CREATE INDEX IF NOT EXISTS reporting_reports_organisation ON reporting_reports (organisation_id, period)',
    );
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM reporting_reports');
  },
  apply: applyReportEvents,
});

/** What a run of edits does to a report's row: the same whether applied one by one or at once. */
interface Touch {
  incidentDelta: number;
  attendance: unknown;
  version: number;
  occurredAt: string;
}

/** The part of an event that only touches the row (edits and incident counts), or null. */
function touchOf(event: ProjectedEvent<ReportEvent>): Omit<Touch, 'version' | 'occurredAt'> | null {
  switch (event.type) {
    case 'NarrativeWritten':
    case 'PoliceStatisticsRecorded':
    case 'IncidentEdited':
      return { incidentDelta: 0, attendance: undefined };
    case 'IncidentReported':
      return { incidentDelta: 1, attendance: undefined };
    case 'IncidentWithdrawn':
      return { incidentDelta: -1, attendance: undefined };
    case 'AttendanceDeclared':
      return {
        incidentDelta: 0,
        attendance: event.data.changes.find((change) => change.field === 'attendance')?.after,
      };
    default:
      return null;
  }
}

/**
 * A reporter adds incidents one command at a time; under load (many reporters, each on their own
 * report) a batch touches about as many reports as it has events, and one UPDATE per report was
 * one PostgreSQL round trip each. So the touches are gathered per report (the status change they
 * make, submitted → amended or withdrawn → draft, is the same made once or many times) and
 * written for all reports in one statement. Rows of different reports are independent: only a
 * report's other events (submission, withdrawal, reopening) must wait for its own pending touch,
 * and that write takes every pending touch along. A batch costs one statement for its touches,
 * however many reports, plus at most two per other event; the text is the same for any number
 * of reports, so PostgreSQL prepares it once.
 */
async function applyReportEvents(
  events: readonly ProjectedEvent<ReportEvent>[],
  sql: SqlExecutor,
): Promise<void> {
  const pending = new Map<string, Touch>();
  const flush = async () => {
    if (pending.size === 0) return;
    const touches = [...pending];
    pending.clear();
    await sql.query(
      `UPDATE reporting_reports AS r SET ${touched}, incident_count = r.incident_count + t.incident_delta,
         attendance = COALESCE(t.attendance, r.attendance), version = t.version, updated_at = t.updated_at
       FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::int[], $5::text[])
         AS t(report_id, version, updated_at, incident_delta, attendance)
       WHERE r.report_id = t.report_id`,
      [
        touches.map(([id]) => id),
        touches.map(([, touch]) => touch.version),
        touches.map(([, touch]) => touch.occurredAt),
        touches.map(([, touch]) => touch.incidentDelta),
        // null keeps the row's attendance (COALESCE); both engines send it as an SQL NULL element.
        touches.map(([, touch]) => touch.attendance ?? null),
      ],
    );
  };
  for (const event of events) {
    const id = reportIdOf(event);
    const touch = touchOf(event);
    if (touch) {
      const before = pending.get(id);
      pending.set(id, {
        incidentDelta: (before?.incidentDelta ?? 0) + touch.incidentDelta,
        attendance: touch.attendance ?? before?.attendance,
        version: event.streamVersion,
        occurredAt: event.metadata.occurredAt,
      });
      continue;
    }
    if (pending.has(id)) await flush();
    await applyReportEvent(event, sql);
  }
  await flush();
}

const reportIdOf = (event: ProjectedEvent<ReportEvent>) => event.streamId.slice('report-'.length);

/** A change after submission makes it amended; a change to a withdrawn report makes it a draft again. */
const touched = `status = CASE status WHEN 'submitted' THEN 'amended' WHEN 'withdrawn' THEN 'draft' ELSE status END`;

async function applyReportEvent(event: ProjectedEvent<ReportEvent>, sql: SqlExecutor): Promise<void> {
  const touch = [reportIdOf(event), event.streamVersion, event.metadata.occurredAt];
  switch (event.type) {
    case 'ReportOpened':
      await sql.query(
        `INSERT INTO reporting_reports (report_id, period, organisation_id, opened_by_id, status, version, updated_at)
         VALUES ($1, $4, $5, $6, 'draft', $2, $3) ON CONFLICT (report_id) DO NOTHING`,
        [...touch, event.data.period, event.data.organisationId, event.data.openedById],
      );
      return;
    case 'NarrativeWritten':
    case 'PoliceStatisticsRecorded':
    case 'IncidentEdited':
      await sql.query(
        `UPDATE reporting_reports SET ${touched}, version = $2, updated_at = $3 WHERE report_id = $1`,
        touch,
      );
      return;
    case 'AttendanceDeclared': {
      const attendance = event.data.changes.find((change) => change.field === 'attendance')?.after;
      await sql.query(
        `UPDATE reporting_reports SET ${touched}, attendance = $4, version = $2, updated_at = $3 WHERE report_id = $1`,
        [...touch, attendance],
      );
      return;
    }
    case 'IncidentReported':
    case 'IncidentWithdrawn':
      await sql.query(
        `UPDATE reporting_reports SET ${touched}, incident_count = incident_count + $4, version = $2, updated_at = $3
         WHERE report_id = $1`,
        [...touch, event.type === 'IncidentReported' ? 1 : -1],
      );
      return;
    case 'ReportSubmitted':
    case 'ReportResubmitted':
      await sql.query(
        `UPDATE reporting_reports SET status = 'submitted', submissions = $4,
           counted_submitted_at = COALESCE(counted_submitted_at, $5::timestamptz), last_submitted_at = $5::timestamptz,
           version = $2, updated_at = $3
         WHERE report_id = $1`,
        [...touch, event.data.submission, event.data.submittedAt],
      );
      return;
    case 'ReportWithdrawn':
      await sql.query(
        `UPDATE reporting_reports SET status = 'withdrawn', counted_submitted_at = NULL, version = $2, updated_at = $3
         WHERE report_id = $1`,
        touch,
      );
      return;
    case 'ReportReopened':
      await sql.query(
        'UPDATE reporting_reports SET version = $2, updated_at = $3 WHERE report_id = $1',
        touch,
      );
      return;
    default: {
      const unhandled: never = event;
      // The type only: this message reaches /health/ready (public) when the projection stalls.
      throw new Error(`Unhandled report event type ${(unhandled as { type: string }).type}`);
    }
  }
}

/** Compiled and published periods, from the lägesbild's facts; a week without a row is open. */
export const periodStatusProjection = defineProjection<PeriodStatusEvent>({
  name: 'reporting.periods',
  // 2: `compiled_early`, from the compile's `early` record.
  version: 2,
  eventTypes: PERIOD_STATUS_EVENT_TYPES,
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS reporting_periods (
        period text PRIMARY KEY,
        status text NOT NULL,
        compilation integer NOT NULL
      )`);
    await addColumnIfMissing(sql, 'reporting_periods', 'compiled_early', 'boolean NOT NULL DEFAULT false');
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM reporting_periods');
  },
  handle: async (event, sql) => {
    const period = event.streamId.slice('lagesbild-'.length);
    if (event.type === 'LagesbildCompiled') {
      const early = (event.data as { early?: unknown } | null)?.early;
      await sql.query(
        `INSERT INTO reporting_periods (period, status, compilation, compiled_early) VALUES ($1, 'compiled', 1, $2)
         ON CONFLICT (period) DO UPDATE SET status = 'compiled', compilation = reporting_periods.compilation + 1,
           compiled_early = $2`,
        [period, early !== undefined && early !== null],
      );
    } else if (event.type === 'LagesbildPublished') {
      await sql.query(
        `INSERT INTO reporting_periods (period, status, compilation) VALUES ($1, 'published', 0)
         ON CONFLICT (period) DO UPDATE SET status = 'published'`,
        [period],
      );
    }
  },
});

export const placeListProjection = defineProjection<PlaceEvent>({
  name: 'reporting.places',
  eventTypes: PLACE_EVENT_TYPES,
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS reporting_places (
        place_id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        lat double precision,
        lon double precision,
        retired boolean NOT NULL DEFAULT false,
        version integer NOT NULL
      )`);
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM reporting_places');
  },
  handle: async (event, sql) => {
    switch (event.type) {
      case 'PlaceRegistered': {
        const { placeId, name, kind, coordinates } = event.data;
        await sql.query(
          `INSERT INTO reporting_places (place_id, name, kind, lat, lon, version) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (place_id) DO NOTHING`,
          [placeId, name, kind, coordinates?.lat ?? null, coordinates?.lon ?? null, event.streamVersion],
        );
        return;
      }
      case 'PlaceEdited':
        for (const { field, after } of event.data.changes) {
          if (field === 'coordinates') {
            const point = after as { lat: number; lon: number } | null;
            await sql.query('UPDATE reporting_places SET lat = $2, lon = $3 WHERE place_id = $1', [
              event.data.placeId,
              point?.lat ?? null,
              point?.lon ?? null,
            ]);
          } else if (field === 'name' || field === 'kind') {
            await sql.query(`UPDATE reporting_places SET ${field} = $2 WHERE place_id = $1`, [
              event.data.placeId,
              after,
            ]);
          }
        }
        break;
      case 'PlaceRetired':
        await sql.query('UPDATE reporting_places SET retired = true WHERE place_id = $1', [
          event.data.placeId,
        ]);
        break;
    }
    // The register is one stream: every place shows the register's version, for If-Match.
    await sql.query('UPDATE reporting_places SET version = $1', [event.streamVersion]);
  },
});

/**
 * The organisations expected to report, from the identity module's events (their names as facts,
 * not their read model's tables), so that this module keeps working whatever identity stores.
 */
type OrganisationEvent =
  | DomainEvent<'OrganisationRegistered', { organisationId: string; name: string; kind: string }>
  | DomainEvent<'OrganisationRenamed', { organisationId: string; name: string }>
  | DomainEvent<'OrganisationKindChanged', { organisationId: string; kind: string }>
  | DomainEvent<'OrganisationDeactivated', { organisationId: string }>
  | DomainEvent<'OrganisationReactivated', { organisationId: string }>;

export const reportingOrganisationsProjection = defineProjection<OrganisationEvent>({
  name: 'reporting.organisations',
  // 2: `registered_at`, so that a week whose deadline passed before registration expects nothing.
  version: 2,
  eventTypes: [
    'OrganisationRegistered',
    'OrganisationRenamed',
    'OrganisationKindChanged',
    'OrganisationDeactivated',
    'OrganisationReactivated',
  ],
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS reporting_organisations (
        organisation_id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await addColumnIfMissing(sql, 'reporting_organisations', 'registered_at', 'timestamptz');
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM reporting_organisations');
  },
  handle: async (event, sql) => {
    const id = event.data.organisationId;
    switch (event.type) {
      case 'OrganisationRegistered':
        await sql.query(
          // The metadata's time, as identity's read model takes it (the application's clock).
          `INSERT INTO reporting_organisations (organisation_id, name, kind, registered_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (organisation_id) DO UPDATE SET name = $2, kind = $3, registered_at = $4`,
          [id, event.data.name, event.data.kind, event.metadata?.occurredAt ?? event.recordedAt],
        );
        return;
      case 'OrganisationRenamed':
        await sql.query('UPDATE reporting_organisations SET name = $2 WHERE organisation_id = $1', [
          id,
          event.data.name,
        ]);
        return;
      case 'OrganisationKindChanged':
        await sql.query('UPDATE reporting_organisations SET kind = $2 WHERE organisation_id = $1', [
          id,
          event.data.kind,
        ]);
        return;
      case 'OrganisationDeactivated':
      case 'OrganisationReactivated':
        await sql.query('UPDATE reporting_organisations SET active = $2 WHERE organisation_id = $1', [
          id,
          event.type === 'OrganisationReactivated',
        ]);
        return;
    }
  },
});

export const reportingProjections: readonly Projection[] = [
  reportListProjection,
  periodStatusProjection,
  placeListProjection,
  reportingOrganisationsProjection,
] as unknown as readonly Projection[];
