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
  // Without an incident table in the open version there is nothing to count: no map.
  const hasIncidents = publication.sections.some((section) => section.kind === 'incidents');
  const none = { areas: [], placeAreas: {}, minCount: 1 };
  const { areas, placeAreas, minCount } = hasIncidents
    ? await askOptional(() => deps.queryBus.execute(new OpenMapAreasQuery()), none)
    : none;
  let map: OpenMap | null = null;
  if (areas.length > 0) {
    const configured = await askOptional(() => deps.queryBus.execute(new IncidentCategoriesQuery()), []);
    const labels = new Map(configured.map(({ key, label }) => [key, label] as const));
    // A period analysis' rows carry the label as compiled; a week's, the key only.
    for (const row of publication.mapIncidents) if (row.label) labels.set(row.category, row.label);
    map = openMapOf({
      incidents: publication.mapIncidents,
      areas,
      placeAreas,
      minCount,
      labelOf: (key) => categoryLabel(key, labels),
    });
  }
  return deps.artefacts.putOpenMap(period, publicationNumber, map);
}
