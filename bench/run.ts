/**
 * `npm run bench`: every benchmark of Läget, each printing its own table with a baseline measured
 * in the same run (README, "Benchmarks"). Pass names to run a subset: `npm run bench -- event-store`.
 * Figures are reported, never asserted: targets live in the issues and the closing notes.
 */
type Bench = { name: string; run: () => Promise<void>; onlyByName?: boolean };

const benches: Bench[] = [
  { name: 'event-store', run: async () => (await import('./event-store.bench.js')).benchEventStore() },
  { name: 'projections', run: async () => (await import('./projections.bench.js')).benchProjections() },
  { name: 'identity', run: async () => (await import('./identity.bench.js')).benchIdentity() },
  { name: 'reporting', run: async () => (await import('./reporting.bench.js')).benchReporting() },
  { name: 'lagesbild', run: async () => (await import('./lagesbild.bench.js')).benchLagesbild() },
  { name: 'publication', run: async () => (await import('./publication.bench.js')).benchPublication() },
  { name: 'analysis', run: async () => (await import('./analysis.bench.js')).benchAnalysis() },
  { name: 'trends', run: async () => (await import('./trends.bench.js')).benchTrends() },
  { name: 'areas', run: async () => (await import('./areas.bench.js')).benchAreas() },
  { name: 'map', run: async () => (await import('./map.bench.js')).benchMap() },
  { name: 'open-map', run: async () => (await import('./open-map.bench.js')).benchOpenMap() },
  { name: 'panel-map', run: async () => (await import('./panel-map.bench.js')).benchPanelMap() },
  { name: 'admin-assets', run: async () => (await import('./admin-assets.bench.js')).benchAdminAssets() },
  // Minutes long, with faults: only when asked for by name (`npm run bench -- soak`).
  { name: 'soak', run: async () => (await import('./soak.bench.js')).benchSoak(), onlyByName: true },
];

const wanted = process.argv.slice(2);
for (const bench of benches) {
  if (wanted.length > 0 ? !wanted.includes(bench.name) : bench.onlyByName) continue;
  console.log(`\n## ${bench.name}\n`);
  try {
    await bench.run();
  } catch (error) {
    console.error(`${bench.name} failed:`, error);
    process.exitCode = 1;
  }
}
