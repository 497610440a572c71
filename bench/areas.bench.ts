import { performance } from 'node:perf_hooks';
import type { AreaGeometry } from '@laget/contracts';
import { firstRingCrossing } from '../apps/api/src/map/ring-crossings.js';
import { formatFigure, percentile, printTable } from './support/table.js';

/**
 * The check that an area's rings do not cross (docs/adr/0029), at the limit of 20,000 positions
 * an area, pure: a wavy district outline; a comb of 5,000 long teeth, the sound shape that keeps
 * most segments in the sweep at once (its worst case); a star whose every edge crosses most
 * others (hostile: refused at the first crossing). Baseline in the same run: JSON.parse of the
 * outline, which every request pays anyway. LAGET_BENCH_AREA_RUNS sets the runs (default 30).
 */
const POSITIONS = 20_000;

const closed = (ring: number[][]): AreaGeometry => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });

function outline(): AreaGeometry {
  return closed(
    Array.from({ length: POSITIONS - 1 }, (_, i) => {
      const a = (2 * Math.PI * i) / (POSITIONS - 1);
      const r = 0.05 * (1 + 0.1 * Math.sin(37 * a));
      return [15.8 + 2 * r * Math.cos(a), 60.05 + r * Math.sin(a)];
    }),
  );
}

function comb(): AreaGeometry {
  const teeth = (POSITIONS - 4) / 4;
  const height = 0.1 / (2 * teeth);
  const ring: number[][] = [
    [15.8, 60],
    [15.8, 60.1],
  ];
  for (let t = teeth - 1; t >= 0; t--) {
    const top = 60 + (2 * t + 1) * height;
    ring.push([15.801, top], [15.9, top], [15.9, top - height], [15.801, top - height]);
  }
  ring.push([15.801, 60]);
  return closed(ring);
}

function star(): AreaGeometry {
  const step = Math.floor(POSITIONS / 2) - 1;
  return closed(
    Array.from({ length: POSITIONS - 1 }, (_, i) => {
      const a = (2 * Math.PI * ((i * step) % (POSITIONS - 1))) / (POSITIONS - 1);
      return [15.8 + 0.05 * Math.cos(a), 60.05 + 0.05 * Math.sin(a)];
    }),
  );
}

export async function benchAreas(): Promise<void> {
  const runs = Number(process.env.LAGET_BENCH_AREA_RUNS ?? 30);
  const [sound, teeth, hostile] = [outline(), comb(), star()];
  const text = JSON.stringify(sound);
  const cases: [string, () => unknown][] = [
    [`baseline: JSON.parse of the outline (${POSITIONS} positions)`, () => JSON.parse(text)],
    ['sound outline: no crossing', () => expectCrossing(sound, false)],
    ['sound comb, 5,000 teeth (the sweep’s worst case)', () => expectCrossing(teeth, false)],
    ['hostile star: refused at its first crossing', () => expectCrossing(hostile, true)],
  ];
  const rows: string[][] = [];
  for (const [label, make] of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs + 2; i += 1) {
      const started = performance.now();
      make();
      if (i >= 2) times.push(performance.now() - started);
    }
    rows.push([label, formatFigure(percentile(times, 50)), formatFigure(percentile(times, 95))]);
  }
  printTable(['check', 'p50 ms', 'p95 ms'], rows);
}

function expectCrossing(geometry: AreaGeometry, crosses: boolean): void {
  if ((firstRingCrossing(geometry) !== null) !== crosses)
    throw new Error(`areas bench: expected ${crosses ? 'a crossing' : 'none'}`);
}
