import type { AreaGeometry } from '@laget/contracts';
import { area as geodesicArea } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

/**
 * Which area (område) a place lies in, pure (docs/adr/0029). Turf answers "inside" (holes and
 * MultiPolygons included; a point on an edge is inside); where several areas contain the point
 * (overlapping drawings, a district inside the whole municipality, a shared edge), the smallest
 * area by geodesic surface wins, then the name, then the id, so the answer never depends on order.
 */

export interface AreaShape {
  id: string;
  name: string;
  geometry: AreaGeometry;
}

export interface PreparedArea extends AreaShape {
  /** [west, south, east, north]: most places are refused by this box before Turf is asked. */
  bbox: readonly [number, number, number, number];
  /** Square metres on the WGS84 ellipsoid's sphere (Turf's geodesic area). */
  surface: number;
}

export interface PlacePoint {
  id: string;
  coordinates: { lat: number; lon: number } | null;
}

const swedish = new Intl.Collator('sv', { sensitivity: 'accent' });

function bboxOf(geometry: AreaGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const [lon, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lon!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lon!);
      box[3] = Math.max(box[3], lat!);
    }
  return box;
}

/** The areas with what every lookup needs, smallest first (the order `areaContaining` relies on). */
export function prepareAreas(areas: readonly AreaShape[]): PreparedArea[] {
  return areas
    .map((area) => ({
      ...area,
      bbox: bboxOf(area.geometry),
      surface: geodesicArea({ type: 'Feature', properties: {}, geometry: area.geometry }),
    }))
    .sort((a, b) => a.surface - b.surface || swedish.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** The smallest area that contains the point (edges included), or null outside every area. */
export function areaContaining(
  point: { lat: number; lon: number },
  prepared: readonly PreparedArea[],
): PreparedArea | null {
  const position = [point.lon, point.lat];
  for (const area of prepared) {
    const [west, south, east, north] = area.bbox;
    if (point.lon < west || point.lon > east || point.lat < south || point.lat > north) continue;
    if (booleanPointInPolygon(position, area.geometry)) return area;
  }
  return null;
}

/** placeId → areaId for every place with coordinates inside an area; others are absent. */
export function assignPlaces(
  places: readonly PlacePoint[],
  areas: readonly AreaShape[],
): Map<string, string> {
  const prepared = prepareAreas(areas);
  const assigned = new Map<string, string>();
  for (const place of places) {
    if (!place.coordinates) continue;
    const area = areaContaining(place.coordinates, prepared);
    if (area) assigned.set(place.id, area.id);
  }
  return assigned;
}
