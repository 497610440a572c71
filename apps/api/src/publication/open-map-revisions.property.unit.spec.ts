import fc from 'fast-check';
import { openMapGeoJson } from './open-map-geojson.js';
import { openMapHtml } from './open-map-html.js';
import { renderOpenMapSvg } from './open-map-svg.js';
import { type OpenMap, openMapOf } from './open-map.js';
import type { OpenMapArea } from './queries/open-map-areas.query.js';

/*
 * Two published revisions of one period (a publication and its correction), counted on the same
 * areas and places (docs/adr/0030, "Revisions compared"). Whatever a reader puts side by side
 * (cells, shown sums, GeoJSON, the SVG and its alt text, the page table) is a function of each
 * cell's published form alone, so giving any hidden cell of either revision another value below
 * the minimum changes nothing either revision publishes: no hidden value can be derived from
 * the pair. A total that included hidden cells (a column or grand total, a shown sum with the
 * hidden cells in it, a count of what is off the map) would break this.
 */

const MIN = 3;
const areaIds = ['a', 'b', 'c'];
const categories = ['skadegorelse', 'stold', 'narkotika'];
const square = (x: number): OpenMapArea['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [16 + x, 60],
      [16.1 + x, 60],
      [16.1 + x, 60.1],
      [16 + x, 60.1],
      [16 + x, 60],
    ],
  ],
});
const areas: OpenMapArea[] = areaIds.map((id, i) => ({ id, name: `Område ${id}`, geometry: square(i / 5) }));
// One place per area: the place is the area's, as the same register says for both revisions.
const placeAreas: Record<string, string> = Object.fromEntries(areaIds.map((id) => [`p-${id}`, id]));

type Counts = number[][]; // [area][category]

function mapOf(counts: Counts): OpenMap | null {
  const incidents = counts.flatMap((row, a) =>
    row.flatMap((n, c) =>
      Array.from({ length: n }, () => ({ category: categories[c]!, placeId: `p-${areaIds[a]}` })),
    ),
  );
  return openMapOf({ incidents, areas, placeAreas, minCount: MIN, labelOf: (key) => key.toUpperCase() });
}

/** Everything a reader of the revision gets of its map. */
function published(counts: Counts): string {
  const map = mapOf(counts);
  if (!map) return 'no map';
  const svg = renderOpenMapSvg(map);
  return JSON.stringify([map, openMapGeoJson(map), svg, openMapHtml(map, svg, '2024-W48').toString()]);
}

const counts = fc.array(fc.array(fc.nat({ max: 6 }), { minLength: 3, maxLength: 3 }), {
  minLength: 3,
  maxLength: 3,
});

describe('the open maps of two revisions of a period, side by side', () => {
  it('give no hidden cell of either revision away: another hidden value publishes the same pair', () => {
    fc.assert(
      fc.property(counts, counts, fc.nat(), fc.nat({ max: MIN - 2 }), (first, second, pick, shift) => {
        const revisions = [first, second];
        const hidden = revisions.flatMap((rev, r) =>
          rev.flatMap((row, a) => row.flatMap((n, c) => (n > 0 && n < MIN ? [[r, a, c] as const] : []))),
        );
        fc.pre(hidden.length > 0);
        const [r, a, c] = hidden[pick % hidden.length]!;
        const altered = revisions.map((rev) => rev.map((row) => [...row]));
        // Another value the cell could have had, still below the minimum (1 … MIN−1).
        altered[r]![a]![c] = ((revisions[r]![a]![c]! - 1 + shift + 1) % (MIN - 1)) + 1;
        expect(altered.map(published)).toEqual(revisions.map(published));
      }),
      { numRuns: 200 },
    );
  });
});
