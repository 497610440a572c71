import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { addWeeks } from '../analysis/iso-week.js';
import type { AreaView, MapIncident, PlacePoint } from './map-types.js';

/** What the hot-spot layer sums per place: the number of incidents, or their assessed severity. */
export type Weighting = 'count' | 'severity';

export interface PlaceSummary extends PlacePoint {
  areaName: string | null;
  count: number;
  /** The sum of the assessed severities (1–5); an incident without an assessment adds nothing. */
  severitySum: number;
  incidents: MapIncident[];
}

/**
 * The map query's incidents gathered per place, and the register's places with a position that
 * had none in the period (drawn too, with 0: where nothing was reported is also information).
 * Most incidents first, then by name in Swedish order.
 */
export function summarisePlaces(
  incidents: readonly MapIncident[],
  register: readonly PlacePoint[] = [],
): PlaceSummary[] {
  const byPlace = new Map<string, PlaceSummary>();
  for (const place of register)
    byPlace.set(place.id, {
      ...place,
      areaName: place.areaName ?? null,
      count: 0,
      severitySum: 0,
      incidents: [],
    });
  for (const incident of incidents) {
    const p = incident.properties;
    const [lon, lat] = incident.geometry.coordinates as [number, number];
    let summary = byPlace.get(p.placeId);
    if (!summary) {
      summary = {
        id: p.placeId,
        name: p.placeName,
        lat,
        lon,
        areaName: null,
        count: 0,
        severitySum: 0,
        incidents: [],
      };
      byPlace.set(p.placeId, summary);
    }
    summary.areaName ??= p.areaName;
    summary.count += 1;
    if (typeof p.severity === 'number' && Number.isFinite(p.severity)) summary.severitySum += p.severity;
    summary.incidents.push(incident);
  }
  return [...byPlace.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'sv'));
}

export function weightOf(summary: PlaceSummary, weighting: Weighting): number {
  return weighting === 'count' ? summary.count : summary.severitySum;
}

/**
 * One point per place with `weight` scaled to 0..1 by the heaviest place, for the heat-map and
 * circle layers. Scaling makes the colours comparable between the two weightings and between
 * a quiet and a busy period; the table beside the map holds the absolute figures.
 */
export function hotspotCollection(
  summaries: readonly PlaceSummary[],
  weighting: Weighting,
): FeatureCollection<Point, { placeId: string; weight: number }> {
  const heaviest = Math.max(0, ...summaries.map((s) => weightOf(s, weighting)));
  return {
    type: 'FeatureCollection',
    features: summaries.map((s) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { placeId: s.id, weight: heaviest > 0 ? weightOf(s, weighting) / heaviest : 0 },
    })),
  };
}

/** Incidents per week from `from` to `to` (ISO weeks, both included), 0 where none. */
export function weeklyCounts(
  incidents: readonly MapIncident[],
  from: string,
  to: string,
): { weeks: string[]; counts: number[] } {
  const weeks: string[] = [];
  // A year and a bit at most: a longer period is summed by the analysis page, not drawn here.
  for (let week = from; week <= to && weeks.length < 60; week = addWeeks(week, 1)) weeks.push(week);
  const index = new Map(weeks.map((w, i) => [w, i]));
  const counts = weeks.map(() => 0);
  for (const incident of incidents) {
    const i = index.get(incident.properties.period);
    if (i !== undefined) counts[i]! += 1;
  }
  return { weeks, counts };
}

export type Bounds = [[number, number], [number, number]];

function positions(geometry: Polygon | MultiPolygon): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

/** The box around every area and place, for the map's first view; null when there is nothing. */
export function boundsOf(areas: readonly AreaView[], places: readonly PlacePoint[]): Bounds | null {
  const all: Position[] = [
    ...areas.flatMap((a) => positions(a.geometry)),
    ...places.map((p) => [p.lon, p.lat]),
  ];
  const valid = all.filter(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat));
  if (valid.length === 0) return null;
  const lons = valid.map((p) => p[0]!);
  const lats = valid.map((p) => p[1]!);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

/**
 * Where an area's name goes: the middle of the northern edge of its largest part's box, so the
 * name (hung below that point) sits inside the area and clear of the places in its middle.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const rings =
    geometry.type === 'Polygon' ? [geometry.coordinates[0]!] : geometry.coordinates.map((p) => p[0]!);
  let best: [number, number] = [0, 0];
  let bestSize = -1;
  for (const ring of rings) {
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const size = (Math.max(...lons) - Math.min(...lons)) * (Math.max(...lats) - Math.min(...lats));
    if (size > bestSize) {
      bestSize = size;
      best = [(Math.max(...lons) + Math.min(...lons)) / 2, Math.max(...lats)];
    }
  }
  return best;
}

/** The areas as one GeoJSON source. */
export function areaCollection(
  areas: readonly AreaView[],
): FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      geometry: a.geometry,
      properties: { id: a.id, name: a.name },
    })),
  };
}
