import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MapIncidentProperties } from '@laget/contracts';

/**
 * The map API's answers as the panel reads them: the API's own types (libs/contracts map.ts),
 * and the incidents as GeoJSON features, the shape MapLibre's sources take.
 */
export type {
  AreaImportAnswer,
  AreaImportResult,
  AreaView,
  MapIncidentProperties,
  MapSettingsView as MapSettings,
} from '@laget/contracts';

export type MapIncident = Feature<Point, MapIncidentProperties>;
export type MapIncidents = FeatureCollection<Point, MapIncidentProperties>;

/** A place with a position, as the register answers it. */
export interface PlacePoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** The area the place lies in, where the register says. */
  areaName?: string | null;
}
