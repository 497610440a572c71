import type { DocumentSection } from '@laget/contracts';
import { type QueryBus, QueryHandlerNotFoundException } from '@nestjs/cqrs';
import { categoryLabel } from '../lagesbild/category-labels.js';
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

export async function openMapAtPublication(
  deps: { queryBus: QueryBus; artefacts: PublicationArtefacts },
  publication: {
    period: string;
    publicationNumber: number;
    sections: readonly DocumentSection[];
    mapIncidents: readonly OpenMapIncidentRow[];
  },
): Promise<OpenMap | null> {
  const { period, publicationNumber } = publication;
  const stored = await deps.artefacts.openMap(period, publicationNumber);
  if (stored !== undefined) return stored;
  const map = await countOpenMap(deps.queryBus, publication.sections, publication.mapIncidents);
  return deps.artefacts.putOpenMap(period, publicationNumber, map);
}
