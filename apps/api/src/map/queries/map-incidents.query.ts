import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  UNCATEGORISED,
  UNCATEGORISED_LABEL,
  type MapFeatureCollection,
  type MapIncidentProperties,
  type MapPlaceProperties,
  type MapQuery,
} from '@laget/contracts';
import { PlacedIncidentsQuery, type PlacedIncidentFact } from '../../analysis/queries/index.js';
import { ListOrganisationsQuery, type SignedInCaller } from '../../identity/index.js';
import { IncidentCategoriesQuery } from '../../reporting/queries/index.js';
import { AreaReads, type AreaAssignment } from '../area-reads.js';
import { ensureMayReadMap } from '../map-access.js';

/** The incidents at their places for the panel's map (CONTRACT.md, `GET /api/map/incidents`). */
export class MapIncidentsQuery extends Query<MapFeatureCollection<MapIncidentProperties>> {
  constructor(
    readonly caller: SignedInCaller,
    readonly request: MapQuery,
  ) {
    super();
  }
}

/** Every place with coordinates and its incidents summed: the hot-spot layer (`GET /api/map/places`). */
export class MapPlacesQuery extends Query<MapFeatureCollection<MapPlaceProperties>> {
  constructor(
    readonly caller: SignedInCaller,
    readonly request: MapQuery,
  ) {
    super();
  }
}

/** Longitude and latitude to six decimals (about 0.1 m): the register's precision, a shorter answer. */
const position = (coordinates: { lat: number; lon: number }) => [
  Math.round(coordinates.lon * 1e6) / 1e6,
  Math.round(coordinates.lat * 1e6) / 1e6,
];

@QueryHandler(MapIncidentsQuery)
export class MapIncidentsHandler implements IQueryHandler<MapIncidentsQuery> {
  constructor(
    private readonly reads: AreaReads,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({
    caller,
    request,
  }: MapIncidentsQuery): Promise<MapFeatureCollection<MapIncidentProperties>> {
    ensureMayReadMap(caller);
    const [facts, assignment, organisations, categories] = await Promise.all([
      this.queryBus.execute(new PlacedIncidentsQuery(request)),
      this.reads.assignment(),
      this.queryBus.execute(new ListOrganisationsQuery({}, { offset: 0, limit: 10_000 })),
      this.queryBus.execute(new IncidentCategoriesQuery()),
    ]);
    const organisationName = new Map(organisations.items.map((o) => [o.id, o.name]));
    const categoryLabel = new Map<string, string>([[UNCATEGORISED, UNCATEGORISED_LABEL]]);
    for (const category of categories) categoryLabel.set(category.key, category.label);
    const places = placeIndex(assignment);
    const features: MapFeatureCollection<MapIncidentProperties>['features'] = [];
    for (const fact of facts) {
      const place = places.get(fact.placeId);
      if (!place?.coordinates) continue;
      const area = assignment.placeAreas.get(place.id) ?? null;
      features.push({
        type: 'Feature',
        id: `${fact.reportId}:${fact.incidentId}`,
        geometry: { type: 'Point', coordinates: position(place.coordinates) },
        properties: {
          incidentId: fact.incidentId,
          reportId: fact.reportId,
          period: fact.period,
          organisationId: fact.organisationId,
          organisationName: organisationName.get(fact.organisationId) ?? fact.organisationId,
          category: fact.category,
          categoryLabel: categoryLabel.get(fact.category) ?? fact.category,
          severity: fact.severity,
          placeId: place.id,
          placeName: place.name,
          areaId: area?.id ?? null,
          areaName: area?.name ?? null,
        },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}

@QueryHandler(MapPlacesQuery)
export class MapPlacesHandler implements IQueryHandler<MapPlacesQuery> {
  constructor(
    private readonly reads: AreaReads,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, request }: MapPlacesQuery): Promise<MapFeatureCollection<MapPlaceProperties>> {
    ensureMayReadMap(caller);
    const [facts, assignment] = await Promise.all([
      this.queryBus.execute(new PlacedIncidentsQuery(request)),
      this.reads.assignment(),
    ]);
    const sums = sumsByPlace(facts);
    const features: MapFeatureCollection<MapPlaceProperties>['features'] = [];
    for (const place of assignment.places) {
      if (!place.coordinates) continue;
      const sum = sums.get(place.id);
      // A retired place stays on the map while incidents in the range point at it.
      if (place.retired && !sum) continue;
      const area = assignment.placeAreas.get(place.id) ?? null;
      features.push({
        type: 'Feature',
        id: place.id,
        geometry: { type: 'Point', coordinates: position(place.coordinates) },
        properties: {
          placeId: place.id,
          placeName: place.name,
          areaId: area?.id ?? null,
          areaName: area?.name ?? null,
          count: sum?.count ?? 0,
          severitySum: sum?.severitySum ?? 0,
          maxSeverity: sum?.maxSeverity ?? null,
        },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}

const placeIndex = (assignment: AreaAssignment) =>
  new Map(assignment.places.map((place) => [place.id, place]));

/** Per place: how many incidents, their severities summed (ungraded as 0) and the gravest. */
export function sumsByPlace(
  facts: readonly PlacedIncidentFact[],
): Map<string, { count: number; severitySum: number; maxSeverity: number | null }> {
  const sums = new Map<string, { count: number; severitySum: number; maxSeverity: number | null }>();
  for (const fact of facts) {
    const sum = sums.get(fact.placeId) ?? { count: 0, severitySum: 0, maxSeverity: null };
    sum.count++;
    sum.severitySum += fact.severity ?? 0;
    if (fact.severity !== null) sum.maxSeverity = Math.max(sum.maxSeverity ?? 0, fact.severity);
    sums.set(fact.placeId, sum);
  }
  return sums;
}
