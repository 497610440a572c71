import type { PlaceView } from '@laget/contracts';
import { type Loaded, useGet } from '../shared/useGet.js';
import type { AreaView, MapIncidents, MapSettings } from './map-types.js';

/** Without an answer (an older server, a failed read) the map draws on the plain background. */
const noBaseMap: MapSettings = { styleUrl: null, minCount: 3 };

export function useMapSettings(): MapSettings | null {
  const settings = useGet<MapSettings>('/api/map/settings');
  if (settings.status === 'loading') return null;
  return settings.status === 'done' ? { ...noBaseMap, ...settings.value } : noBaseMap;
}

export function useAreas(): AreaView[] {
  const areas = useGet<AreaView[]>('/api/areas?perPage=1000&sort=name&order=ASC');
  return areas.status === 'done' && Array.isArray(areas.value) ? areas.value : [];
}

export function usePlaceRegister(): PlaceView[] {
  const places = useGet<PlaceView[]>('/api/places?perPage=1000&sort=name&order=ASC');
  return places.status === 'done' && Array.isArray(places.value) ? places.value : [];
}

export interface MapFilter {
  from: string;
  to: string;
  category?: string;
  organisationId?: string;
}

export function mapIncidentsPath(filter: MapFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return `/api/map/incidents?${params.toString()}`;
}

export function useMapIncidents(filter: MapFilter | null): Loaded<MapIncidents> {
  return useGet<MapIncidents>(filter ? mapIncidentsPath(filter) : null);
}
