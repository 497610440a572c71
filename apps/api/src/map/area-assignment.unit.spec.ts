import type { AreaGeometry } from '@laget/contracts';
import fc from 'fast-check';
import { areaContaining, assignPlaces, prepareAreas, type AreaShape } from './area-assignment.js';

const box = (west: number, south: number, east: number, north: number): number[][] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];
const polygon = (...rings: number[][][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });
const area = (id: string, geometry: AreaGeometry, name = id): AreaShape => ({ id, name, geometry });

const at = (lon: number, lat: number) => ({ lon, lat });
const lookup = (areas: AreaShape[], point: { lon: number; lat: number }) =>
  areaContaining(point, prepareAreas(areas))?.id ?? null;

describe('which area a place lies in', () => {
  const centrum = area('centrum', polygon(box(15.9, 60.06, 15.94, 60.08)));

  it('inside and outside a polygon', () => {
    expect(lookup([centrum], at(15.92, 60.07))).toBe('centrum');
    expect(lookup([centrum], at(15.95, 60.07))).toBeNull();
    expect(lookup([centrum], at(15.92, 60.09))).toBeNull();
    expect(lookup([], at(15.92, 60.07))).toBeNull();
  });

  it('a hole is outside (a park cut out of a district)', () => {
    const withHole = area('ring', polygon(box(15.9, 60.06, 15.94, 60.08), box(15.91, 60.065, 15.93, 60.075)));
    expect(lookup([withHole], at(15.92, 60.07))).toBeNull();
    expect(lookup([withHole], at(15.905, 60.07))).toBe('ring');
  });

  it('a point on the edge is inside; on an edge two areas share, the smaller one wins', () => {
    expect(lookup([centrum], at(15.9, 60.07))).toBe('centrum');
    expect(lookup([centrum], at(15.9, 60.06))).toBe('centrum');
    const east = area('east', polygon(box(15.94, 60.06, 15.96, 60.08)));
    // East is half Centrum's size: the shared edge goes to it.
    expect(lookup([centrum, east], at(15.94, 60.07))).toBe('east');
    expect(lookup([east, centrum], at(15.94, 60.07))).toBe('east');
  });

  it('overlapping areas: the smallest containing area wins, in whatever order the areas come', () => {
    const municipality = area('kommunen', polygon(box(15.5, 59.9, 16.2, 60.3)));
    const torget = area('torget', polygon(box(15.915, 60.065, 15.925, 60.07)));
    for (const order of [
      [municipality, centrum, torget],
      [torget, centrum, municipality],
      [centrum, municipality, torget],
    ]) {
      expect(lookup(order, at(15.92, 60.067))).toBe('torget');
      expect(lookup(order, at(15.935, 60.075))).toBe('centrum');
      expect(lookup(order, at(15.6, 60.0))).toBe('kommunen');
    }
  });

  it('two areas of the same size: the name decides, as Swedish sorts (Å after Z)', () => {
    const a = area('id-1', polygon(box(15, 60, 15.01, 60.01)), 'Åsen');
    const b = area('id-2', polygon(box(15, 60, 15.01, 60.01)), 'Zinkgruvan');
    expect(lookup([a, b], at(15.005, 60.005))).toBe('id-2');
  });

  it('a MultiPolygon contains what any of its polygons contains', () => {
    const islands = area('islands', {
      type: 'MultiPolygon',
      coordinates: [
        [box(15, 60, 15.01, 60.01)],
        [box(15.1, 60.1, 15.11, 60.11), box(15.102, 60.102, 15.104, 60.104)],
      ],
    });
    expect(lookup([islands], at(15.005, 60.005))).toBe('islands');
    expect(lookup([islands], at(15.105, 60.108))).toBe('islands');
    expect(lookup([islands], at(15.103, 60.103))).toBeNull();
    expect(lookup([islands], at(15.05, 60.05))).toBeNull();
  });

  it('assigns every place with coordinates; places without them or outside every area are absent', () => {
    const assigned = assignPlaces(
      [
        { id: 'arena', coordinates: { lat: 60.0652, lon: 15.9312 } },
        { id: 'far', coordinates: { lat: 61, lon: 16 } },
        { id: 'nowhere', coordinates: null },
      ],
      [centrum],
    );
    expect([...assigned]).toEqual([['arena', 'centrum']]);
  });

  it('property: the answer contains the point, no smaller area does, and the order of the areas does not matter', () => {
    const rect = fc
      .tuple(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
      )
      .map(
        ([x, y, w, h]) => [15 + x / 1000, 60 + y / 1000, 15 + (x + w) / 1000, 60 + (y + h) / 1000] as const,
      );
    fc.assert(
      fc.property(
        fc.array(rect, { minLength: 0, maxLength: 8 }),
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 0, max: 130 }),
        (rects, px, py) => {
          const areas = rects.map((r, i) => area(`a${i}`, polygon(box(...r)), `Område ${i}`));
          const point = at(15 + px / 1000 + 0.0005, 60 + py / 1000 + 0.0005);
          const inside = (r: readonly number[]) =>
            point.lon >= r[0]! && point.lon <= r[2]! && point.lat >= r[1]! && point.lat <= r[3]!;
          const found = lookup(areas, point);
          const containing = rects.map((r, i) => ({ r, i })).filter(({ r }) => inside(r));
          if (containing.length === 0) return found === null;
          const prepared = prepareAreas(areas);
          const surface = (id: string) => prepared.find((p) => p.id === id)!.surface;
          const smallest = Math.min(...containing.map(({ i }) => surface(`a${i}`)));
          return (
            found !== null &&
            inside(rects[Number(found.slice(1))]!) &&
            surface(found) === smallest &&
            lookup([...areas].reverse(), point) === found
          );
        },
      ),
    );
  });
});
