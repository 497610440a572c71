import type { MapIncident } from './map-types.js';

/** One line of a chosen place's incidents: what it was, who reported it, and where to read it. */
export interface PlaceIncidentItem {
  incidentId: string;
  /** The panel's route to the incident's report (read only), for those who may read reports. */
  reportPath: string;
  title: string;
  organisationName: string;
  severity: number | null;
}

/**
 * A place's incidents, the latest week first. The map query carries no free text, so the report
 * is where the reader goes for what happened; its id is on every incident.
 */
export function placeIncidentItems(incidents: readonly MapIncident[]): PlaceIncidentItem[] {
  return [...incidents]
    .sort((a, b) => b.properties.period.localeCompare(a.properties.period))
    .map(({ properties: p }) => ({
      incidentId: p.incidentId,
      reportPath: `/reports/${encodeURIComponent(p.reportId)}/show`,
      title: `${p.period} · ${p.categoryLabel}`,
      organisationName: p.organisationName,
      severity: p.severity,
    }));
}
