import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { CHART_FONT } from './chart-svg.js';
import { escapeHtml } from './html.js';
import {
  fewerThanText,
  hiddenCells,
  type OpenMap,
  type OpenMapAreaCounts,
  openMapAltText,
  shownSum,
} from './open-map.js';
import type { AreaGeometry } from './queries/open-map-areas.query.js';

/*
 * The open map drawn on the server as one SVG string: the areas projected with d3-geo's Mercator
 * fitted to the box, each shaded by the sum of its shown cells on a sequential blue scale
 * (ColorBrewer Blues, readable with every common colour vision deficiency), an area that has only
 * hidden cells in neutral grey with "färre än N", the names as labels and a legend. No base map and
 * no request: the SVG goes inline into the public page and, through svg-to-pdfkit, into the PDF.
 */

export const MAP_WIDTH = 440;
const MAP_HEIGHT = 320;
const LEGEND_HEIGHT = 64;
const PAD = 12;

/** Empty, then four classes of the shown sum: light to dark. */
const BLUES = ['#ffffff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const HIDDEN_ONLY = '#d9d9d9';
const OUTLINE = '#4a4a4a';

/**
 * RFC 7946 winds exterior rings anticlockwise; d3-geo works on the sphere and reads that as "all
 * of the Earth but this area". Exterior rings are turned clockwise, holes anticlockwise.
 */
function d3Winding(geometry: AreaGeometry): GeoPermissibleObjects {
  const ring = (positions: number[][], exterior: boolean) => {
    let twiceArea = 0;
    for (let i = 0; i < positions.length - 1; i++) {
      const [x1 = 0, y1 = 0] = positions[i] ?? [];
      const [x2 = 0, y2 = 0] = positions[i + 1] ?? [];
      twiceArea += x1 * y2 - x2 * y1;
    }
    const clockwise = twiceArea < 0;
    return clockwise === exterior ? positions : [...positions].reverse();
  };
  const polygon = (rings: number[][][]) => rings.map((positions, i) => ring(positions, i === 0));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
}

/**
 * Upper bounds of up to four shaded classes, in equal steps from `least` to the largest shown sum.
 * A shown sum is 0 or at least the minimum (every shown cell but 0 is), so the scale starts there.
 */
export function classBounds(max: number, least = 1): number[] {
  if (max <= 0) return [];
  const from = Math.min(Math.max(1, least), max);
  const range = max - from + 1;
  const steps = Math.min(4, range);
  return Array.from({ length: steps }, (_, i) => from - 1 + Math.ceil(((i + 1) * range) / steps));
}

function fillOf(area: OpenMapAreaCounts, bounds: readonly number[]): string {
  const sum = shownSum(area);
  if (sum === 0) return hiddenCells(area) > 0 ? HIDDEN_ONLY : BLUES[0];
  const index = bounds.findIndex((bound) => sum <= bound);
  // Fewer classes than four (a small maximum) still end on the darkest blue.
  return BLUES[4 - (bounds.length - 1 - index)] ?? BLUES[4];
}

function valueLabel(area: OpenMapAreaCounts, minCount: number): string {
  const sum = shownSum(area);
  const hidden = hiddenCells(area) > 0;
  if (sum === 0) return hidden ? fewerThanText(minCount) : '0';
  return hidden ? `${sum} + ${fewerThanText(minCount)}` : String(sum);
}

const round = (n: number) => Math.round(n * 10) / 10;

function label(x: number, y: number, text: string, bold: boolean): string {
  // A white box keeps the label readable on the darkest blue (svg-to-pdfkit has no paint-order,
  // so a halo stroke would cover the letters in the PDF). DejaVu Sans averages ≈ 0.6 em a letter.
  const width = text.length * (bold ? 6.6 : 6) + 6;
  return (
    `<rect x="${round(x - width / 2)}" y="${round(y - 10)}" width="${round(width)}" height="13" rx="2" ` +
    `fill="#ffffff" fill-opacity="0.85"/>` +
    `<text x="${round(x)}" y="${round(y)}" text-anchor="middle" font-family="${CHART_FONT}" ` +
    `font-size="10"${bold ? ' font-weight="bold"' : ''} fill="#1a1a1a">${escapeHtml(text)}</text>`
  );
}

function legend(map: OpenMap, bounds: readonly number[], top: number): string {
  const entries: Array<[string, string]> = [];
  let from = Math.min(map.minCount, bounds[0] ?? 1);
  const first = BLUES.length - bounds.length;
  bounds.forEach((bound, i) => {
    entries.push([BLUES[first + i] ?? BLUES[4], from === bound ? `${bound}` : `${from}–${bound}`]);
    from = bound + 1;
  });
  entries.push([BLUES[0], '0']);
  entries.push([HIDDEN_ONLY, fewerThanText(map.minCount)]);
  const parts = [
    `<text x="${PAD}" y="${top + 12}" font-family="${CHART_FONT}" font-size="10" fill="#1a1a1a">` +
      `Händelser per område (summa av visade kategorier)</text>`,
  ];
  entries.forEach(([fill, text], i) => {
    const x = PAD + (i % 4) * 105;
    const y = top + 22 + Math.floor(i / 4) * 18;
    parts.push(
      `<rect x="${x}" y="${y}" width="14" height="12" fill="${fill}" stroke="${OUTLINE}" stroke-width="0.75"/>`,
      `<text x="${x + 19}" y="${y + 10}" font-family="${CHART_FONT}" font-size="10" fill="#1a1a1a">` +
        `${escapeHtml(text)}</text>`,
    );
  });
  return parts.join('');
}

export interface OpenMapSvg {
  svg: string;
  width: number;
  height: number;
  alt: string;
}

/** The map as a standalone SVG (width and height in CSS pixels / PDF points). */
export function renderOpenMapSvg(map: OpenMap): OpenMapSvg {
  const features = map.areas.map((area) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: d3Winding(area.geometry) as GeoJSON.Geometry,
  }));
  const projection = geoMercator().fitExtent(
    [
      [PAD, PAD],
      [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
    ],
    { type: 'FeatureCollection', features },
  );
  const path = geoPath(projection).digits(1);
  const bounds = classBounds(Math.max(0, ...map.areas.map(shownSum)), map.minCount);
  const shapes: string[] = [];
  const labels: string[] = [];
  map.areas.forEach((area, i) => {
    const feature = features[i];
    if (!feature) return;
    const d = path(feature) ?? '';
    shapes.push(
      `<path d="${d}" fill="${fillOf(area, bounds)}" stroke="${OUTLINE}" stroke-width="1" fill-rule="evenodd"/>`,
    );
    const [x, y] = path.centroid(feature);
    if (Number.isFinite(x) && Number.isFinite(y)) {
      labels.push(label(x, y - 2, area.name, true), label(x, y + 12, valueLabel(area, map.minCount), false));
    }
  });
  const alt = openMapAltText(map);
  const height = MAP_HEIGHT + LEGEND_HEIGHT;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${MAP_WIDTH} ${height}"><title>${escapeHtml(alt)}</title>` +
    `<rect x="0" y="0" width="${MAP_WIDTH}" height="${height}" fill="#ffffff"/>` +
    `${shapes.join('')}${labels.join('')}${legend(map, bounds, MAP_HEIGHT)}</svg>`;
  return { svg, width: MAP_WIDTH, height, alt };
}
