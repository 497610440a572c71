import type { Attendance, PlaceView, ReportStatus, ReportSummary } from '@laget/contracts';
import { notFound } from '../platform/domain/domain-error.js';
import { placeOf, type PlaceRegisterState } from './place-register.decider.js';

/**
 * Rows of the reporting read models (reporting.projections.ts) as the API answers them: the
 * report list and the place register.
 */
/** A row of the report list: the contract's type, so the OpenAPI document describes what is sent. */
export type ReportListItem = ReportSummary;

export interface ReportListRow {
  report_id: string;
  period: string;
  organisation_id: string;
  opened_by_id: string;
  status: ReportStatus;
  attendance: string;
  incident_count: number;
  submissions: number;
  last_submitted_at: string | Date | null;
  version: number;
  period_status: 'compiled' | 'published' | null;
}

export function toListItem(row: ReportListRow): ReportListItem {
  return {
    id: row.report_id,
    period: row.period,
    organisationId: row.organisation_id,
    openedById: row.opened_by_id,
    status: row.status,
    attendance: row.attendance as Attendance,
    incidentCount: Number(row.incident_count),
    submissions: Number(row.submissions),
    submittedAt: row.last_submitted_at === null ? null : new Date(row.last_submitted_at).toISOString(),
    periodStatus: row.period_status ?? 'open',
    version: Number(row.version),
  };
}

export interface PlaceRow {
  place_id: string;
  name: string;
  kind: PlaceView['kind'];
  lat: number | null;
  lon: number | null;
  retired: boolean;
  version: number;
}

export function toPlaceView(row: PlaceRow): PlaceView {
  return {
    id: row.place_id,
    name: row.name,
    kind: row.kind,
    coordinates: row.lat === null || row.lon === null ? null : { lat: Number(row.lat), lon: Number(row.lon) },
    retired: row.retired,
    version: Number(row.version),
  };
}

export function placeView(state: PlaceRegisterState, placeId: string, version: number): PlaceView {
  const place = placeOf(state, placeId);
  if (!place) throw notFound('Place');
  return { ...place, version };
}
