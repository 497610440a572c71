import { Query } from '@nestjs/cqrs';

/** An area (område) as the open map draws it: a named polygon in WGS84. */
export interface OpenMapArea {
  id: string;
  name: string;
  geometry: AreaGeometry;
}

/** GeoJSON (RFC 7946) polygon geometry: rings of [longitude, latitude] positions, closed. */
export type AreaGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/**
 * The areas in force and which area each registered place lies in, asked when a lägesbild is
 * published so that its open map is counted once and kept with the revision (a published
 * revision never changes, even when areas are redrawn later). Declared here, by the feature that
 * asks, and answered by the map feature's handler, so that the publication does not depend on a
 * feature built on top of it (as PublishedPlansQuery), nor read the map's settings. A place
 * outside every area is absent from `placeAreas`.
 */
export class OpenMapAreasQuery extends Query<{
  areas: OpenMapArea[];
  /** placeId → areaId, own keys only (build it with Object.create(null) or a Map's entries). */
  placeAreas: Record<string, string>;
  /** The smallest count an open map shows (`LAGET_MAP_MIN_COUNT`): fewer reads "färre än N". */
  minCount: number;
}> {}
