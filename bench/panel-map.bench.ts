import { performance } from 'node:perf_hooks';
import { hotspotCollection, summarisePlaces, weeklyCounts } from '../apps/admin/src/map/hotspots.js';
import type { MapIncident, MapIncidents, PlacePoint } from '../apps/admin/src/map/map-types.js';
import { formatFigure, percentile, printTable } from './support/table.js';

/**
 * The panel's map (issue 20): what the browser does with `GET /api/map/incidents` for 10,000
 * incidents over 200 places — parse the answer, sum it per place, build the hot-spot layer's
 * points for both weightings and a chosen place's weeks. Target (with the API's own query,
 * measured by the map feature's bench): < 200 ms. Baseline in the same run: JSON.parse alone.
 * The WebGL drawing itself is MapLibre's and not measured here.
 * LAGET_BENCH_MAP_RUNS sets the timed runs (default 30).
 */
const INCIDENTS = 10_000;
const PLACES = 200;
const WEEKS = 26;

function answer(): { text: string; register: PlacePoint[] } {
  const register: PlacePoint[] = Array.from({ length: PLACES }, (_, i) => ({
    id: `place-${i}`,
    name: `Plats ${i}`,
    lat: 60.0 + (i % 20) * 0.005,
    lon: 15.8 + Math.floor(i / 20) * 0.01,
  }));
  const features: MapIncident[] = Array.from({ length: INCIDENTS }, (_, n) => {
    // Skewed: a few places have most incidents, as hot-spots do.
    const place = register[Math.floor(PLACES * Math.pow(((n * 7919) % 1000) / 1000, 2))]!;
    const week = 1 + (n % WEEKS);
    return {
      type: 'Feature',
      id: `incident-${n}`,
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: {
        incidentId: `incident-${n}`,
        reportId: `report-${n % 500}`,
        period: `2025-W${String(week).padStart(2, '0')}`,
        organisationId: `org-${n % 12}`,
        organisationName: `Organisation ${n % 12}`,
        category: 'skadegorelse',
        categoryLabel: 'Skadegörelse',
        severity: n % 7 === 0 ? null : 1 + (n % 5),
        placeId: place.id,
        placeName: place.name,
        areaId: `area-${n % 8}`,
        areaName: `Område ${n % 8}`,
      },
    } as MapIncident;
  });
  const collection: MapIncidents = { type: 'FeatureCollection', features };
  return { text: JSON.stringify(collection), register };
}

function timed(runs: number, fn: () => void): number[] {
  for (let i = 0; i < 3; i += 1) fn();
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  });
}

export async function benchPanelMap(): Promise<void> {
  const runs = Number(process.env.LAGET_BENCH_MAP_RUNS ?? 30);
  const { text, register } = answer();
  const parse = timed(runs, () => JSON.parse(text));
  const whole = timed(runs, () => {
    const collection = JSON.parse(text) as MapIncidents;
    const summaries = summarisePlaces(collection.features, register);
    hotspotCollection(summaries, 'count');
    hotspotCollection(summaries, 'severity');
    weeklyCounts(summaries[0]!.incidents, '2025-W01', `2025-W${WEEKS}`);
  });
  const row = (name: string, times: number[]) => [
    name,
    formatFigure(percentile(times, 50)),
    formatFigure(percentile(times, 95)),
    formatFigure(percentile(times, 50) / percentile(parse, 50)),
  ];
  console.log(
    `${INCIDENTS} incidents over ${PLACES} places, answer ${(text.length / 1e6).toFixed(1)} MB of JSON`,
  );
  printTable(
    ['step', 'p50 ms', 'p95 ms', '× baseline'],
    [
      row('baseline: JSON.parse of the answer', parse),
      row('parse + per place + both hot-spot layers + weeks', whole),
    ],
  );
}
