import fc from 'fast-check';
import { foldCellsIntoAreas, OUTSIDE_AREAS } from './area-cells.js';
import type { TrendCell } from './trends.sql.js';

const placeAreas: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  arena: 'centrum',
  unkan: 'centrum',
  torget: 'asen',
});

const areaOf = (key: string) => (Object.hasOwn(placeAreas, key) ? placeAreas[key]! : OUTSIDE_AREAS);

describe('trend cells by place folded into areas', () => {
  it('adds the counts of the places of an area; places outside every area and no place go to utan-omrade', () => {
    const folded = foldCellsIntoAreas(
      [
        { bucket: 'W1', key: 'arena', n: 2, mean: 2 },
        { bucket: 'W1', key: 'unkan', n: 1, mean: 5 },
        { bucket: 'W1', key: 'torget', n: 1, mean: null },
        { bucket: 'W1', key: 'far-away', n: 3, mean: 1 },
        { bucket: 'W1', key: '', n: 4, mean: 1 },
        { bucket: 'W2', key: 'arena', n: 1, mean: 4 },
      ],
      placeAreas,
    );
    expect(folded).toEqual([
      // (2·2 + 1·5) / 3: the mean severity weighted by the count, not the mean of the means.
      { bucket: 'W1', key: 'centrum', n: 3, mean: 3 },
      { bucket: 'W1', key: 'asen', n: 1, mean: null },
      { bucket: 'W1', key: OUTSIDE_AREAS, n: 7, mean: 1 },
      { bucket: 'W2', key: 'centrum', n: 1, mean: 4 },
    ]);
  });

  it('takes no inherited key for an area (a place called __proto__ or constructor lies outside)', () => {
    const folded = foldCellsIntoAreas(
      [
        { bucket: 'W1', key: '__proto__', n: 1, mean: 1 },
        { bucket: 'W1', key: 'constructor', n: 1, mean: 1 },
      ],
      placeAreas,
    );
    expect(folded).toEqual([{ bucket: 'W1', key: OUTSIDE_AREAS, n: 2, mean: 1 }]);
  });

  it('property: no incident is lost or counted twice, per bucket; a mean of graded cells stays within 1–5', () => {
    const cell = fc.record({
      bucket: fc.constantFrom('W1', 'W2', 'W3'),
      key: fc.constantFrom('arena', 'unkan', 'torget', 'x', '', '__proto__'),
      n: fc.integer({ min: 1, max: 50 }),
      mean: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (cells: TrendCell[]) => {
        const folded = foldCellsIntoAreas(cells, placeAreas);
        for (const bucket of ['W1', 'W2', 'W3']) {
          const before = cells.filter((c) => c.bucket === bucket).reduce((s, c) => s + c.n, 0);
          const after = folded.filter((c) => c.bucket === bucket).reduce((s, c) => s + c.n, 0);
          if (before !== after) return false;
        }
        // As the SQL takes it, an ungraded incident weighs in the count but adds no severity (docs/adr/0029).
        return folded.every((c) => {
          const sources = cells.filter((s) => s.bucket === c.bucket && areaOf(s.key) === c.key);
          if (sources.every((s) => s.mean === null)) return c.mean === null;
          const allGraded = sources.every((s) => s.mean !== null);
          return c.mean! <= 5 + 1e-9 && (!allGraded || c.mean! >= 1 - 1e-9);
        });
      }),
    );
  });
});
