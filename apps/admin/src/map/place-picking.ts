import type { PlacePoint } from './map-types.js';

/** The register's places a reporter can pick on the map: in use, with a position. */
export function pickablePlaces(
  register: readonly {
    id: string;
    name: string;
    retired?: boolean;
    coordinates: { lat: number; lon: number } | null;
    areaName?: string | null;
  }[],
): PlacePoint[] {
  return register
    .filter(
      (p) =>
        !p.retired &&
        p.coordinates &&
        Number.isFinite(p.coordinates.lat) &&
        Number.isFinite(p.coordinates.lon),
    )
    .map((p) => ({
      id: p.id,
      name: p.name,
      lat: p.coordinates!.lat,
      lon: p.coordinates!.lon,
      areaName: p.areaName ?? null,
    }));
}

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres (haversine; exact enough within a municipality). */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The place a tap meant: the nearest registered place within `withinMetres`, else none. A finger
 * on a phone misses a marker by a few millimetres, which at town zoom is tens of metres; a tap
 * far from every place picks nothing rather than a surprising place.
 */
export function nearestPlace(
  places: readonly PlacePoint[],
  tap: { lat: number; lon: number },
  withinMetres: number,
): PlacePoint | null {
  let best: PlacePoint | null = null;
  let bestDistance = Infinity;
  for (const place of places) {
    const d = distanceMetres(place, tap);
    if (d <= withinMetres && d < bestDistance) {
      best = place;
      bestDistance = d;
    }
  }
  return best;
}

/** Metres a given number of screen pixels spans at a zoom and latitude (Web Mercator, 512 px tiles). */
export function metresPerPixels(pixels: number, zoom: number, lat: number): number {
  return (pixels * 40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}
