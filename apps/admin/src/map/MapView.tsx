import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Layer,
  Map,
  Marker,
  NavigationControl,
  Source,
  type MapLayerMouseEvent,
  type MapRef,
} from '@vis.gl/react-maplibre';
import {
  areaCollection,
  boundsOf,
  hotspotCollection,
  labelPoint,
  type PlaceSummary,
  type Weighting,
} from './hotspots.js';
import {
  AREA_SOURCE,
  HEAT_SOURCE,
  areaFillLayer,
  areaLineLayer,
  baseStyle,
  heatmapLayer,
  hotspotCircleLayer,
} from './map-style.js';
import { maplibregl } from './maplibre.js';
import type { AreaView, PlacePoint } from './map-types.js';

/** Norberg's centre: where the map looks before anything is registered. */
const FALLBACK_CENTRE = { longitude: 15.925, latitude: 60.067, zoom: 12 };

export interface MapViewProps {
  styleUrl: string | null;
  areas: readonly AreaView[];
  /** The places drawn as markers; a summary adds the count and the hot-spot weight. */
  places: readonly (PlacePoint | PlaceSummary)[];
  /** The hot-spot layers, when shown. */
  heat?: { summaries: readonly PlaceSummary[]; weighting: Weighting } | null;
  selectedPlaceId?: string | null;
  onPlaceClick?: (placeId: string) => void;
  /** A tap on the map itself (not a marker): where, for picking the nearest place. */
  onMapClick?: (at: { lat: number; lon: number; zoom: number }) => void;
  /** Accessible name of the map region, e.g. "Karta över platser och händelser". */
  label: string;
  /** The words on a place marker's button: its name and, on the Karta page, its count. */
  markerLabel: (place: PlacePoint | PlaceSummary) => string;
  /** What the marker shows; the place's count by default (the picker shows the name). */
  markerText?: (place: PlacePoint | PlaceSummary) => string;
  height: number | string | { xs: number | string; md: number | string };
  /** Larger targets for a finger (the reporter's picker). */
  touch?: boolean;
  children?: ReactNode;
}

const hasCount = (p: PlacePoint | PlaceSummary): p is PlaceSummary => 'count' in p;

/**
 * The one map of the panel: a base (the municipality's style, or a plain background that
 * fetches nothing), the areas' outlines, the hot-spot layers, and every place as an HTML button
 * marker. Names are HTML, not map text: without a glyph server MapLibre cannot draw text, and
 * buttons can be tabbed to and read by a screen reader.
 */
export function MapView(props: MapViewProps) {
  const { styleUrl, areas, places, heat, selectedPlaceId, onPlaceClick, onMapClick, touch } = props;
  const mapRef = useRef<MapRef>(null);
  const translate = useTranslate();
  // MapLibre's own words (its controls' names) in the panel's language.
  const locale = useMemo(
    () => ({
      'Map.Title': props.label,
      'Marker.Title': translate('laget.map.marker_title'),
      'NavigationControl.ZoomIn': translate('laget.map.zoom_in'),
      'NavigationControl.ZoomOut': translate('laget.map.zoom_out'),
    }),
    [props.label, translate],
  );
  const style = useMemo(() => baseStyle(styleUrl), [styleUrl]);
  const areaData = useMemo(() => areaCollection(areas), [areas]);
  const heatData = useMemo(() => (heat ? hotspotCollection(heat.summaries, heat.weighting) : null), [heat]);
  const bounds = useMemo(() => boundsOf(areas, places), [areas, places]);

  // Frame the areas and places once they are known (and again when the set changes).
  useEffect(() => {
    if (bounds) mapRef.current?.fitBounds(bounds, { padding: 40, maxZoom: 15, duration: 0 });
  }, [bounds]);

  const size = touch ? 44 : 28;
  return (
    <Box
      role="region"
      aria-label={props.label}
      sx={{ position: 'relative', height: props.height, width: '100%', borderRadius: 1, overflow: 'hidden' }}
    >
      <Map
        ref={mapRef}
        mapLib={maplibregl}
        mapStyle={style}
        locale={locale}
        initialViewState={
          bounds ? { bounds, fitBoundsOptions: { padding: 40, maxZoom: 15 } } : FALLBACK_CENTRE
        }
        style={{ width: '100%', height: '100%' }}
        // No attribution of our own data is needed; a base map brings its own in its style.
        attributionControl={styleUrl ? undefined : false}
        onLoad={() => {
          if (bounds) mapRef.current?.fitBounds(bounds, { padding: 40, maxZoom: 15, duration: 0 });
        }}
        onClick={(e: MapLayerMouseEvent) =>
          onMapClick?.({ lat: e.lngLat.lat, lon: e.lngLat.lng, zoom: e.target.getZoom() })
        }
      >
        <NavigationControl showCompass={false} />
        <Source id={AREA_SOURCE} type="geojson" data={areaData}>
          <Layer {...areaFillLayer} />
          <Layer {...areaLineLayer} />
        </Source>
        {heatData && (
          <Source id={HEAT_SOURCE} type="geojson" data={heatData}>
            <Layer {...heatmapLayer} />
            <Layer {...hotspotCircleLayer} />
          </Source>
        )}
        {areas.map((area) => {
          const [longitude, latitude] = labelPoint(area.geometry);
          return (
            <Marker
              key={`area-${area.id}`}
              longitude={longitude}
              latitude={latitude}
              anchor="top"
              offset={[0, 4]}
              // A name is no target: taps and clicks go through it to the places and the map.
              style={{ pointerEvents: 'none' }}
            >
              <Box
                component="span"
                data-area-label={area.name}
                sx={{
                  fontSize: 13,
                  fontWeight: 600,
                  color: '#0d47a1',
                  // On a solid ground, so it reads on any base map (and axe can measure it).
                  bgcolor: '#fff',
                  px: 0.5,
                  borderRadius: 0.5,
                  pointerEvents: 'none',
                  whiteSpace: 'nowrap',
                }}
              >
                {area.name}
              </Box>
            </Marker>
          );
        })}
        {places.map((place) => {
          const selected = place.id === selectedPlaceId;
          const count = hasCount(place) ? place.count : null;
          const text = props.markerText ? props.markerText(place) : String(count ?? '');
          return (
            <Marker key={`place-${place.id}`} longitude={place.lon} latitude={place.lat}>
              <Box
                component="button"
                type="button"
                aria-label={props.markerLabel(place)}
                aria-pressed={onPlaceClick ? selected : undefined}
                title={place.name}
                onClick={(e: React.MouseEvent) => {
                  // The map's own click (background picking) must not fire too.
                  e.stopPropagation();
                  onPlaceClick?.(place.id);
                }}
                sx={{
                  minWidth: size,
                  height: size,
                  px: text.length > 1 ? 1 : 0,
                  borderRadius: size / 2,
                  border: selected ? '3px solid #000' : '2px solid #fff',
                  bgcolor: selected ? '#0d47a1' : count ? '#b23c00' : '#455a64',
                  color: '#fff',
                  fontSize: touch ? 16 : 13,
                  fontWeight: 700,
                  whiteSpace: 'nowrap',
                  cursor: 'pointer',
                  boxShadow: 1,
                  '&:focus-visible': { outline: '3px solid #ffb300', outlineOffset: 2 },
                }}
              >
                {text}
              </Box>
            </Marker>
          );
        })}
        {props.children}
      </Map>
    </Box>
  );
}
