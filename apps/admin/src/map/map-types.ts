import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * The map API's answers as the panel reads them (CONTRACT.md, "Additions"; the areas feature
 * owns the server side). Kept here rather than in libs/contracts until the API's own types land.
 */
export interface AreaView {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  version: number;
  /** Places in the area, where the API counts them. */
  placeCount?: number;
}

export interface MapIncidentProperties {
  incidentId: string;
  reportId: string;
  period: string;
  organisationId: string;
  organisationName: string;
  category: string;
  categoryLabel: string;
  severity: number | null;
  placeId: string;
  placeName: string;
  areaId: string | null;
  areaName: string | null;
}

export type MapIncident = Feature<Point, MapIncidentProperties>;
export type MapIncidents = FeatureCollection<Point, MapIncidentProperties>;

export interface MapSettings {
  /** The municipality's base map; null means none, and then nothing leaves the machine. */
  styleUrl: string | null;
  minCount: number;
}

/** A place with a position, as the register answers it. */
export interface PlacePoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

/** One line of POST /api/areas/import's answer, per feature of the file. */
export interface AreaImportResult {
  /** The feature's index in the collection, from 0. */
  index: number;
  name: string | null;
  outcome: 'created' | 'redrawn' | 'unchanged' | 'refused';
  areaId: string | null;
  /** Why a feature was refused, naming the field. */
  reason: string | null;
}

export interface AreaImportAnswer {
  results: AreaImportResult[];
  version: number;
}
