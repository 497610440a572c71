import { useEffect, useState } from 'react';
import type { PlaceView } from '@laget/contracts';
import { api } from '../http.js';
import type { AreaView, MapIncidents, MapSettings } from './map-types.js';

export type Loaded<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; value: T };

/** One GET, asked again when the path changes; an older answer never overwrites a newer one. */
export function useGet<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<T>(path, { signal: controller.signal })
      .then(({ json }) => setState({ status: 'done', value: json }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: 'error', message: String((error as Error).message) });
      });
    return () => controller.abort();
  }, [path]);
  return state;
}

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
