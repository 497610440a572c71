import { areaGeometrySchema, type AreaGeometry } from '@laget/contracts';
import { firstRingCrossing } from './ring-crossings.js';

type Ring = number[][];
const closed = (ring: Ring): Ring => [...ring, ring[0]!];
const polygon = (...rings: Ring[]): AreaGeometry => ({ type: 'Polygon', coordinates: rings.map(closed) });
const multi = (...polygons: Ring[][]): AreaGeometry => ({
  type: 'MultiPolygon',
  coordinates: polygons.map((rings) => rings.map(closed)),
});
const box = (west: number, south: number, size: number): Ring => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
];
/** A wavy closed outline of `n` positions (the last the first), sound: it never crosses itself. */
const largeRing = (n: number): Ring =>
  Array.from({ length: n - 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / (n - 1);
    const r = 0.05 * (1 + 0.1 * Math.sin(37 * a));
    return [15.8 + 2 * r * Math.cos(a), 60.05 + r * Math.sin(a)];
  });
/** Every position joined to the one opposite it: each edge crosses most of the others. */
const starRing = (n: number): Ring =>
  Array.from({ length: n - 1 }, (_, i) => {
    const a = (2 * Math.PI * ((i * (Math.floor(n / 2) - 1)) % (n - 1))) / (n - 1);
    return [15.8 + 0.05 * Math.cos(a), 60.05 + 0.05 * Math.sin(a)];
  });

describe('rings that cross themselves', () => {
  it('refuses a bow-tie, naming the ring and where it crosses, Swedish first', () => {
    const bowTie = polygon([
      [15, 60],
      [15.02, 60.02],
      [15.02, 60],
      [15, 60.02],
    ]);
    expect(firstRingCrossing(bowTie)).toEqual({
      path: ['coordinates', 0],
      message: expect.stringMatching(
        /^Ring: korsar eller rör sig själv vid \[15\.01, 60\.01\] .* \/ ring: crosses/,
      ),
    });
  });

  it('refuses a ring that touches itself at a corner, meets its own edge, or turns straight back', () => {
    const figureEight = polygon([
      [0, 0],
      [1, 1],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
    ]);
    const cornerOnEdge = polygon([
      [0, 0],
      [2, 0],
      [2, 2],
      [1, 0],
      [0, 2],
    ]);
    const spike = polygon([
      [0, 0],
      [2, 0],
      [2, 2],
      [2, 3],
      [2, 2],
      [0, 2],
    ]);
    expect(firstRingCrossing(figureEight)?.message).toContain('[1, 1]');
    expect(firstRingCrossing(cornerOnEdge)?.message).toContain('[1, 0]');
    expect(firstRingCrossing(spike)?.message).toContain('[2, 3]');
  });

  it('refuses a hole that reaches out of its shell, and polygons of one area that overlap', () => {
    const holeOut = polygon(box(0, 0, 4), box(3, 1, 2));
    expect(firstRingCrossing(holeOut)).toEqual({
      path: ['coordinates', 1],
      message: expect.stringMatching(/^Ring: korsar ringen coordinates\.0 vid \[4, [13]\]/),
    });
    const overlapping = multi([box(0, 0, 2)], [box(1, 1, 2)]);
    expect(firstRingCrossing(overlapping)).toMatchObject({
      path: ['coordinates', 1, 0],
      message: expect.stringContaining('korsar ringen coordinates.0.0'),
    });
  });

  it('accepts a square with a hole, a hole touching its shell at a point, and polygons that touch', () => {
    expect(firstRingCrossing(polygon(box(0, 0, 4), box(1, 1, 2)))).toBeNull();
    expect(firstRingCrossing(polygon(box(0, 0, 4), box(0, 1, 2)))).toBeNull();
    const holeOnCorner = polygon(box(0, 0, 4), [
      [0, 0],
      [2, 1],
      [1, 2],
    ]);
    expect(firstRingCrossing(holeOnCorner)).toBeNull();
    expect(firstRingCrossing(multi([box(0, 0, 1)], [box(1, 0, 1)], [box(2, 1, 1)]))).toBeNull();
  });

  it('accepts a position repeated in a row and a corner that goes straight on', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(firstRingCrossing({ type: 'Polygon', coordinates: [ring] })).toBeNull();
  });

  it('accepts a sound ring of 20,000 positions and refuses a star of as many at its first crossing', () => {
    expect(firstRingCrossing(polygon(largeRing(20_000)))).toBeNull();
    // Collecting every crossing first would be 200 million points; the sweep stops at one.
    expect(firstRingCrossing(polygon(starRing(20_000)))?.path).toEqual(['coordinates', 0]);
  });

  it('never sees NaN or Infinity: the schema refuses them before the rings are looked at', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const ring = closed([...box(15, 60, 0.01).slice(0, 3), [bad, 60]]);
      expect(areaGeometrySchema.safeParse({ type: 'Polygon', coordinates: [ring] }).success).toBe(false);
    }
  });
});
