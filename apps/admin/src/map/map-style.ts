import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  HeatmapLayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';

/** The colour of the map where no base map is configured: paper, so outlines and dots read. */
export const PLAIN_BACKGROUND = '#f4f1ea';

/**
 * The base the panel's map draws on. With the municipality's style URL, that style (its tiles,
 * glyphs and sprites come from wherever it says). Without one, a style of a plain background
 * only: no `glyphs`, no `sprite`, no tile source, so MapLibre asks no server for anything and
 * a fresh install or a test needs no network (issue 20). Our own layers are added on top of
 * either as GeoJSON sources built in the browser; names are HTML markers, since MapLibre cannot
 * draw text without a glyph server.
 */
export function baseStyle(styleUrl: string | null): string | StyleSpecification {
  if (styleUrl) return styleUrl;
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'bg', type: 'background', paint: { 'background-color': PLAIN_BACKGROUND } }],
  };
}

/** Every URL a style object would make MapLibre fetch; the plain style must have none. */
export function urlsInStyle(style: string | StyleSpecification): string[] {
  if (typeof style === 'string') return [style];
  const urls: string[] = [];
  if (style.glyphs) urls.push(style.glyphs);
  if (typeof style.sprite === 'string') urls.push(style.sprite);
  else if (Array.isArray(style.sprite)) urls.push(...style.sprite.map((s) => s.url));
  for (const source of Object.values(style.sources)) {
    const s = source as { url?: string; tiles?: string[]; data?: unknown };
    if (s.url) urls.push(s.url);
    if (s.tiles) urls.push(...s.tiles);
    if (typeof s.data === 'string') urls.push(s.data);
  }
  return urls;
}

export const AREA_SOURCE = 'laget-areas';
export const HEAT_SOURCE = 'laget-hotspots';

export const areaFillLayer: FillLayerSpecification = {
  id: 'laget-area-fill',
  type: 'fill',
  source: AREA_SOURCE,
  paint: { 'fill-color': '#1565c0', 'fill-opacity': 0.06 },
};

export const areaLineLayer: LineLayerSpecification = {
  id: 'laget-area-line',
  type: 'line',
  source: AREA_SOURCE,
  paint: { 'line-color': '#1565c0', 'line-width': 2 },
};

/**
 * The hot-spot layer over the places' summed weights (hotspots.ts normalises them to 0..1, so
 * the colour means the same whether counts or severities are summed).
 */
export const heatmapLayer: HeatmapLayerSpecification = {
  id: 'laget-heat',
  type: 'heatmap',
  source: HEAT_SOURCE,
  paint: {
    'heatmap-weight': ['get', 'weight'],
    'heatmap-intensity': 1,
    'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 10, 25, 16, 60],
    'heatmap-opacity': 0.7,
    'heatmap-color': [
      'interpolate',
      ['linear'],
      ['heatmap-density'],
      0,
      'rgba(255,255,255,0)',
      0.2,
      '#fee391',
      0.5,
      '#fe9929',
      0.8,
      '#d95f0e',
      1,
      '#993404',
    ],
  },
};

/** Places sized by their weight, under the HTML markers that carry the names and counts. */
export const hotspotCircleLayer: CircleLayerSpecification = {
  id: 'laget-hotspot-circles',
  type: 'circle',
  source: HEAT_SOURCE,
  filter: ['>', ['get', 'weight'], 0],
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['get', 'weight'], 0, 6, 1, 26],
    'circle-color': '#d95f0e',
    'circle-opacity': 0.35,
    'circle-stroke-color': '#993404',
    'circle-stroke-width': 1,
  },
};
