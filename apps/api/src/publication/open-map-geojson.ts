import type { OpenMap, OpenMapCell } from './open-map.js';
import type { AreaGeometry } from './queries/open-map-areas.query.js';

/*
 * `/public/lagesbilder/:period.geojson` (CONTRACT.md): one feature per area with the geometry the
 * publication was counted with and its cells; a cell below the minimum is `count: null,
 * fewerThan: N`. No points, no totals: what the page shows, as data.
 */

export interface OpenMapFeatureCollection {
  type: 'FeatureCollection';
  /** The rule the cells follow, so a reader need not guess N. */
  minCount: number;
  features: Array<{
    type: 'Feature';
    id: string;
    geometry: AreaGeometry;
    properties: { areaId: string; name: string; cells: OpenMapCell[] };
  }>;
}

export function openMapGeoJson(map: OpenMap): OpenMapFeatureCollection {
  return {
    type: 'FeatureCollection',
    minCount: map.minCount,
    features: map.areas.map((area) => ({
      type: 'Feature',
      id: area.areaId,
      geometry: area.geometry,
      properties: {
        areaId: area.areaId,
        name: area.name,
        cells: area.cells.map((cell) => ({ ...cell })),
      },
    })),
  };
}
