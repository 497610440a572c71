import { GetAreaHandler, ListAreasHandler, OpenMapAreasHandler, PlaceAreasHandler } from './areas.query.js';
import { MapIncidentsHandler, MapPlacesHandler } from './map-incidents.query.js';

export { GetAreaQuery, ListAreasQuery } from './areas.query.js';
export { MapIncidentsQuery, MapPlacesQuery } from './map-incidents.query.js';

/** Every read of the map, each a query on the QueryBus. */
export const mapQueryHandlers = [
  ListAreasHandler,
  GetAreaHandler,
  PlaceAreasHandler,
  OpenMapAreasHandler,
  MapIncidentsHandler,
  MapPlacesHandler,
];
