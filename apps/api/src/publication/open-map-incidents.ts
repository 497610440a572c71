import type { DocumentSection, IncidentItem } from '@laget/contracts';
import { UNCATEGORISED } from '../lagesbild/analysis-layout.js';
import type { LagesbildState } from '../lagesbild/lagesbild-state.js';
import { openSections } from '../lagesbild/lagesbild-views.js';
import type { Redaction } from '../lagesbild/redaction.js';
import type { SubmittedReportSnapshot } from '../lagesbild/submitted-report-snapshot.js';
import type { OpenMapIncident } from './open-map.js';

/*
 * Which incidents the open map counts, and where: exactly the incident rows of the open version
 * (what the coordinator left out is not there), each at the place its reporter picked, unless the
 * coordinator masked any part of its location. A masked location means "do not say where this
 * happened", and an area is a where, so such an incident is not on the map at all (docs/adr/0030).
 */

export interface OpenMapIncidentsInput {
  /** The open version's sections (openSections): excluded rows and sections are already gone. */
  openSections: readonly DocumentSection[];
  /** The internal version's sections: a location that reads differently in the open one was masked. */
  internalSections: readonly DocumentSection[];
  reports: readonly SubmittedReportSnapshot[];
  redactions: readonly Redaction[];
}

const isIncident = (item: NonNullable<DocumentSection['items']>[number]): item is IncidentItem =>
  'problem' in item;

const key = (sectionId: string, itemId: string) => `${sectionId}\u0000${itemId}`;

/** An open row as the map counts it, with the category's label where the document carries one. */
export type OpenMapIncidentRow = OpenMapIncident & { label?: string };

export function openMapIncidents(input: OpenMapIncidentsInput): OpenMapIncidentRow[] {
  const placeOf = new Map<string, string>();
  for (const report of input.reports) {
    for (const incident of report.incidents) {
      if (incident.placeId) placeOf.set(incident.id, incident.placeId);
    }
  }
  // Any mask on the location, stale or not: the coordinator did not want it said where.
  const maskedLocations = new Set(
    input.redactions
      .filter((redaction) => redaction.kind === 'mask' && redaction.target.field === 'location')
      .flatMap((redaction) =>
        redaction.target.kind === 'field' && redaction.target.itemId !== null
          ? [key(redaction.target.sectionId, redaction.target.itemId)]
          : [],
      ),
  );
  const internalLocation = new Map<string, string>();
  for (const section of input.internalSections) {
    if (section.kind !== 'incidents') continue;
    for (const item of section.items ?? []) {
      if (isIncident(item)) internalLocation.set(key(section.id, item.id), item.location);
    }
  }

  const incidents: OpenMapIncidentRow[] = [];
  for (const section of input.openSections) {
    if (section.kind !== 'incidents') continue;
    for (const item of section.items ?? []) {
      if (!isIncident(item)) continue;
      const itemKey = key(section.id, item.id);
      const masked = maskedLocations.has(itemKey) || internalLocation.get(itemKey) !== item.location;
      incidents.push({
        category: item.category ?? UNCATEGORISED,
        placeId: masked ? null : (placeOf.get(item.id) ?? null),
        ...(item.categoryLabel ? { label: item.categoryLabel } : {}),
      });
    }
  }
  return incidents;
}

/**
 * A week's open version as it stands and the rows its map counts from it: what the preview, the
 * approval and the publication job each count the map from, so the three cannot differ.
 */
export function openVersionForMap(state: LagesbildState): {
  sections: DocumentSection[];
  mapIncidents: OpenMapIncidentRow[];
} {
  const sections = openSections(state);
  const mapIncidents = openMapIncidents({
    openSections: sections,
    internalSections: state.sections,
    reports: state.reports,
    redactions: state.redactions,
  });
  return { sections, mapIncidents };
}
