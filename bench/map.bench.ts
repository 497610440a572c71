import { performance } from 'node:perf_hooks';
import { DEFAULT_INCIDENT_CATEGORIES } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { bucketsOfWeek, weeksBetween } from '../apps/api/src/analysis/buckets.js';
import { READ_DB } from '../apps/api/src/platform/platform.tokens.js';
import {
  adminClient,
  createOrganisation,
  createUser,
  type ApiClient,
} from '../apps/api/src/reporting/testing/http-kit.js';
import { startTestApp } from '../test/support/app.js';
import { formatFigure, percentile, printTable } from './support/table.js';

/**
 * The panel's map (issue 20): 10,000 incidents over 200 places in 20 areas, and the query the
 * panel asks, `GET /api/map/incidents` for a year of weeks, over HTTP as the panel calls it
 * (login, validation, the facts, the places, the area of each place, the GeoJSON). Target:
 * < 200 ms. The places and areas go in through the API; the incidents are seeded straight into
 * the analysis facts the query reads (filing 10,000 incidents over HTTP would take minutes).
 * Baselines in the same run: `/api/map/settings` (an HTTP round trip with a login and nothing
 * else) and `/api/map/places` (the hot-spot sums). LAGET_BENCH_MAP_RUNS sets the runs (default 15).
 */
const PLACES = 200;
const INCIDENTS = 10_000;
const GRID = { columns: 5, rows: 4 };
const FROM = '2024-W01';
const TO = '2024-W52';

export async function benchMap(): Promise<void> {
  const runs = Number(process.env.LAGET_BENCH_MAP_RUNS ?? 15);
  const rows: string[][] = [];
  for (const store of ['pglite', 'postgres'] as const) {
    const app = await startTestApp({ store, env: { LOG_LEVEL: 'error' } });
    try {
      const seeded = performance.now();
      const coordinator = await seed(app.url, app.app.get<SqlDatabase>(READ_DB));
      const engine = store === 'pglite' ? 'PGlite (file)' : 'PostgreSQL';
      console.log(
        `${engine}: seeded ${PLACES} places, 20 areas, ${INCIDENTS} incidents in ${formatFigure((performance.now() - seeded) / 1000)} s`,
      );
      const range = `from=${FROM}&to=${TO}`;
      const first = performance.now();
      const answer = await coordinator.get<{ features: unknown[] }>(`/api/map/incidents?${range}`);
      const firstMs = performance.now() - first;
      if (answer.status !== 200 || answer.body.features.length !== INCIDENTS)
        throw new Error(`map: ${answer.status}, ${answer.body.features?.length} features`);
      const questions: [string, string][] = [
        ['baseline: /api/map/settings', '/api/map/settings'],
        [`/api/map/incidents ${FROM}–${TO} (${INCIDENTS} points)`, `/api/map/incidents?${range}`],
        ['/api/map/incidents, one category', `/api/map/incidents?${range}&category=skadegorelse`],
        ['/api/map/places (hot-spot sums)', `/api/map/places?${range}`],
      ];
      rows.push([engine, '/api/map/incidents, first call (areas not cached)', formatFigure(firstMs), '–']);
      for (const [label, path] of questions) {
        const times = await timed(runs, async () => {
          const got = await coordinator.get(path);
          if (got.status !== 200) throw new Error(`${path}: ${got.status}`);
        });
        rows.push([engine, label, formatFigure(percentile(times, 50)), formatFigure(percentile(times, 95))]);
      }
    } finally {
      await app.close();
    }
  }
  printTable(['engine', 'question', 'p50 ms', 'p95 ms'], rows);
}

async function timed(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

/** 20 areas in a grid around Norberg, 200 places spread over them, 10,000 incidents on the places over a year. */
async function seed(url: string, db: SqlDatabase): Promise<ApiClient> {
  const admin = await adminClient(url);
  const organisationId = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
  const { client } = await createUser(admin, {
    username: 'kartsamordnare',
    organisationId,
    roles: ['coordinator'],
  });
  const west = 15.85;
  const south = 60.03;
  const size = 0.03;
  const features = [];
  for (let c = 0; c < GRID.columns; c++)
    for (let r = 0; r < GRID.rows; r++) {
      const [x, y] = [west + c * size, south + r * size];
      // A few dozen positions a ring, as a drawn district has.
      const ring = Array.from({ length: 48 }, (_, i) => {
        const t = (i / 48) * 4;
        const side = Math.floor(t);
        const f = t - side;
        return [
          [x + f * size, y],
          [x + size, y + f * size],
          [x + size - f * size, y + size],
          [x, y + size - f * size],
        ][side]!;
      });
      features.push({
        type: 'Feature',
        properties: { name: `Område ${c}-${r}` },
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
      });
    }
  const imported = await client.post('/api/areas/import', { type: 'FeatureCollection', features });
  if (imported.status !== 200) throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body)}`);
  const placeIds: string[] = [];
  for (let i = 0; i < PLACES; i++) {
    const lon = west + ((i * 37) % 150) / 1000 + 0.0003;
    const lat = south + ((i * 53) % 120) / 1000 + 0.0003;
    const place = await client.post<{ id: string }>('/api/places', {
      name: `Plats ${i}`,
      kind: 'other',
      coordinates: { lat, lon },
    });
    if (place.status !== 201) throw new Error(`place: ${place.status} ${JSON.stringify(place.body)}`);
    placeIds.push(place.body.id);
  }
  const weeks = weeksBetween(FROM, TO).map(bucketsOfWeek);
  const categories = DEFAULT_INCIDENT_CATEGORIES.map((c) => c.key);
  await db.query(
    `INSERT INTO analysis_facts (fact_id, report_id, kind, period, month, tertial, year, organisation_id,
       category, place_id, severity, scope, n, counted)
     SELECT 'i:rep-' || (k % 1000) || ':inc-' || k, 'rep-' || (k % 1000), 'incident',
       ($1::text[])[1 + k % $5::int], ($2::text[])[1 + k % $5::int], ($3::text[])[1 + k % $5::int],
       ($4::text[])[1 + k % $5::int], 'org-' || (k % 20), ($6::text[])[1 + k % $7::int],
       ($8::text[])[1 + (k * 7) % $9::int], 1 + k % 5, 'A', 1, true
     FROM generate_series(0, ${INCIDENTS - 1}) AS k`,
    [
      weeks.map((w) => w.week),
      weeks.map((w) => w.month),
      weeks.map((w) => w.tertial),
      weeks.map((w) => w.year),
      weeks.length,
      categories,
      categories.length,
      placeIds,
      placeIds.length,
    ],
  );
  await db.query('VACUUM ANALYZE analysis_facts');
  return client;
}
