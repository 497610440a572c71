import type { DocumentSection } from '@laget/contracts';
import { type QueryBus, QueryHandlerNotFoundException } from '@nestjs/cqrs';
import { categoryLabel } from '../lagesbild/category-labels.js';
import { contentHash } from '../lagesbild/content-hash.js';
import { IncidentCategoriesQuery } from '../reporting/index.js';
import { type OpenMap, openMapOf } from './open-map.js';
import type { OpenMapIncidentRow } from './open-map-incidents.js';
import type { PublicationArtefacts } from './publication-artefacts.js';
import { OpenMapAreasQuery } from './queries/open-map-areas.query.js';

/*
 * The open map is counted once, when a revision is published, from the areas in force then, and
 * kept with the publication (PublicationArtefacts.putOpenMap): redrawing an area later changes no
 * published map. A job run again after a crash finds the map the first run stored.
 */

/** A question the feature that answers it may not be loaded for (a test's bus): no answer then. */
async function askOptional<T>(ask: () => Promise<T>, none: T): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof QueryHandlerNotFoundException) return none;
    throw error;
  }
}

/**
 * The open map of an open version as it would be counted now: from the areas in force and the
 * categories' labels. What publication stores (below) and what the reviewer previews before
 * approving (OpenMapPreviewQuery) are counted by this one function.
 */
export async function countOpenMap(
  queryBus: QueryBus,
  sections: readonly DocumentSection[],
  mapIncidents: readonly OpenMapIncidentRow[],
): Promise<OpenMap | null> {
  // Without an incident table in the open version there is nothing to count: no map.
  const hasIncidents = sections.some((section) => section.kind === 'incidents');
  const none = { areas: [], placeAreas: {}, minCount: 1 };
  const { areas, placeAreas, minCount } = hasIncidents
    ? await askOptional(() => queryBus.execute(new OpenMapAreasQuery()), none)
    : none;
  if (areas.length === 0) return null;
  const configured = await askOptional(() => queryBus.execute(new IncidentCategoriesQuery()), []);
  const labels = new Map(configured.map(({ key, label }) => [key, label] as const));
  // A period analysis' rows carry the label as compiled; a week's, the key only.
  for (const row of mapIncidents) if (row.label) labels.set(row.category, row.label);
  return openMapOf({
    incidents: mapIncidents,
    areas,
    placeAreas,
    minCount,
    labelOf: (key) => categoryLabel(key, labels),
  });
}

/**
 * What an approval records of the map it saw, and what publication checks: the SHA-256 of the
 * map's canonical JSON (areas with their geometry, cells, labels and the rule), null for no map.
 */
export function openMapHash(map: OpenMap | null): string | null {
  return map === null ? null : contentHash(map);
}

/** The map publication would count is not the one the approval saw (docs/adr/0030). */
export class OpenMapNotApproved extends Error {
  override readonly name = 'OpenMapNotApproved';
}

/**
 * The publication's map: the one an earlier run stored, or counted now and stored. Where the
 * approval recorded its map (`approvedHash` not undefined), a map that hashes differently is
 * refused before it is stored: the areas, places or labels changed after the approval, and the
 * public must not get a map nobody approved. An approval from before that record publishes as
 * it always did.
 */
export async function openMapAtPublication(
  deps: { queryBus: QueryBus; artefacts: PublicationArtefacts },
  publication: {
    period: string;
    publicationNumber: number;
    sections: readonly DocumentSection[];
    mapIncidents: readonly OpenMapIncidentRow[];
    approvedHash?: string | null;
  },
): Promise<OpenMap | null> {
  const { period, publicationNumber, approvedHash } = publication;
  const stored = await deps.artefacts.openMap(period, publicationNumber);
  if (stored !== undefined) return stored;
  const map = await countOpenMap(deps.queryBus, publication.sections, publication.mapIncidents);
  if (approvedHash !== undefined && openMapHash(map) !== approvedHash) {
    throw new OpenMapNotApproved(
      `Kartan för ${period} är inte den som godkändes: områdena, platserna eller kategorierna har ändrats ` +
        'sedan godkännandet. Godkännandet gäller inte längre; granska kartan och godkänn igen innan du publicerar. ' +
        `/ The open map of ${period} is not the approved one (areas, places or categories changed since the approval); approve again`,
    );
  }
  return deps.artefacts.putOpenMap(period, publicationNumber, map);
}
