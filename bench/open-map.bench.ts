import { performance } from 'node:perf_hooks';
import {
  norberg,
  norbergPublishedAt,
  norbergWeek48,
} from '../apps/api/src/publication/fixtures/norberg-v48-2024.fixture.js';
import { renderLagesbildPdf } from '../apps/api/src/publication/lagesbild-pdf.js';
import { openMapGeoJson } from '../apps/api/src/publication/open-map-geojson.js';
import { openMapHtml } from '../apps/api/src/publication/open-map-html.js';
import { renderOpenMapSvg } from '../apps/api/src/publication/open-map-svg.js';
import { openMapOf } from '../apps/api/src/publication/open-map.js';
import type { OpenMapArea } from '../apps/api/src/publication/queries/open-map-areas.query.js';
import { formatFigure, percentile, printTable } from './support/table.js';

/**
 * Issue 20, the open map of a publication (ADR 0030): counting a large period's incidents into
 * cells, drawing the SVG, the page's section, the GeoJSON and the PDF with the map. The input:
 * 10,000 incidents over 200 places in 40 areas (irregular 24-gons around Norberg) and 8
 * categories. The baseline is the seed week's PDF without a map, in the same run.
 */
export async function benchOpenMap(): Promise<void> {
  const areas: OpenMapArea[] = Array.from({ length: 40 }, (_, i) => {
    const lon = 15.8 + (i % 8) * 0.03;
    const lat = 60.0 + Math.floor(i / 8) * 0.02;
    const ring = Array.from({ length: 24 }, (_, k) => {
      const angle = (-2 * Math.PI * k) / 24;
      const r = 0.009 * (0.8 + 0.2 * Math.sin(k * 1.7 + i));
      return [lon + r * Math.cos(angle) * 1.6, lat + r * Math.sin(angle)];
    });
    return {
      id: `area-${i}`,
      name: `Område ${i + 1}`,
      geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
    };
  });
  const placeAreas: Record<string, string> = Object.create(null);
  for (let p = 0; p < 200; p++) if (p % 25 !== 0) placeAreas[`place-${p}`] = `area-${p % 40}`;
  const categories = [
    'skadegorelse',
    'narkotika',
    'ordningsstorning',
    'klotter',
    'stold',
    'hot',
    'brand',
    'ovrigt',
  ];
  const incidents = Array.from({ length: 10_000 }, (_, n) => ({
    category: categories[(n * 7) % categories.length]!,
    placeId: n % 97 === 0 ? null : `place-${(n * 31) % 200}`,
  }));
  const input = { incidents, areas, placeAreas, minCount: 3, labelOf: (key: string) => key };
  const map = openMapOf(input)!;
  const options = { municipality: norberg, publishedAt: norbergPublishedAt };

  const rows: Array<[string, number[], string]> = [
    [
      'baseline: seed week PDF (no map)',
      await measure(20, () => renderLagesbildPdf(norbergWeek48, options)),
      '',
    ],
    [
      'count cells (10,000 incidents, 200 places)',
      await measure(50, async () => openMapOf(input)),
      `${map.areas.length} areas × ${map.categories.length} categories`,
    ],
    [
      'draw the SVG (d3-geo)',
      await measure(50, async () => renderOpenMapSvg(map)),
      `${(renderOpenMapSvg(map).svg.length / 1024).toFixed(0)} KiB`,
    ],
    [
      'page section (SVG + table)',
      await measure(50, async () => openMapHtml(map, renderOpenMapSvg(map), 'v48 2024')),
      '',
    ],
    ['GeoJSON body', await measure(50, async () => JSON.stringify(openMapGeoJson(map))), ''],
    [
      'seed week PDF with the map',
      await measure(20, () => renderLagesbildPdf(norbergWeek48, { ...options, openMap: map })),
      '',
    ],
  ];
  printTable(
    ['what', 'median ms', 'p95 ms', 'runs', 'note'],
    rows.map(([what, times, note]) => [
      what,
      formatFigure(percentile(times, 50)),
      formatFigure(percentile(times, 95)),
      String(times.length),
      note,
    ]),
  );
}

async function measure(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}
