import { sayBoth, type AreaGeometry } from '@laget/contracts';

/**
 * Self-intersection of an area's rings (docs/adr/0029), pure. A ring that crosses or touches
 * itself (a "bow-tie") makes Turf's signed surface cancel out, so the smallest-area-wins rule
 * would hand places to a drawing mistake; a hole that crosses its shell, or two polygons of one
 * area whose edges cross, mis-state the surface the same way.
 *
 * Allowed, as OGC Simple Features (which RFC 7946 defers to) allows them: a hole touching its
 * shell or another hole at a point, and polygons of a MultiPolygon touching each other (at a
 * point or along an edge). Refused: within one ring, any contact between segments that are not
 * neighbours (a crossing, a position visited twice, a corner on another edge) and a spike (a
 * ring turning straight back); between rings, a proper crossing.
 *
 * Written here rather than taken from a library: `@turf/kinks` tests every pair (≈ 1.5 s on
 * 20,000 positions), and `sweepline-intersections` (1.5.0; 2.x lists its test tools as runtime
 * dependencies) collects every crossing before answering, so a star-shaped ring of 4,000
 * positions gave 8 million points and 746 MB, and the 20,000 allowed would exhaust memory. This
 * sweep stops at the first contact.
 */

export interface RingProblem {
  /** Under the geometry: `['coordinates', ring]` or `['coordinates', polygon, ring]`. */
  path: (string | number)[];
  message: string;
}

type Point = readonly [number, number];

interface Segment {
  ring: number;
  /** Index of the segment in its ring (after repeated positions are collapsed). */
  index: number;
  a: Point;
  b: Point;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

interface Ring {
  path: number[];
  positions: readonly (readonly number[])[];
}

const ringsOf = (geometry: AreaGeometry): Ring[] =>
  geometry.type === 'Polygon'
    ? geometry.coordinates.map((positions, r) => ({ path: [r], positions }))
    : geometry.coordinates.flatMap((polygon, p) =>
        polygon.map((positions, r) => ({ path: [p, r], positions })),
      );

/** The positions of a closed ring once each, in order: a repeated position in a row is one vertex. */
function verticesOf(positions: readonly (readonly number[])[]): Point[] {
  const vertices: Point[] = [];
  for (const [x, y] of positions) {
    const last = vertices.at(-1);
    if (!last || last[0] !== x || last[1] !== y) vertices.push([x!, y!]);
  }
  const [first, last] = [vertices[0], vertices.at(-1)];
  if (vertices.length > 1 && first![0] === last![0] && first![1] === last![1]) vertices.pop();
  return vertices;
}

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const sign = (value: number) => (value > 0 ? 1 : value < 0 ? -1 : 0);
/** `p` on the segment a–b, given that the three are collinear. */
const within = (a: Point, b: Point, p: Point) =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/** Where two segments meet: `crossing` when each passes through the other, `touch` otherwise. */
function contact(s: Segment, t: Segment): { at: Point; crossing: boolean } | null {
  const d1 = sign(cross(s.a, s.b, t.a));
  const d2 = sign(cross(s.a, s.b, t.b));
  const d3 = sign(cross(t.a, t.b, s.a));
  const d4 = sign(cross(t.a, t.b, s.b));
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    const f = cross(t.a, t.b, s.a) / (cross(t.a, t.b, s.a) - cross(t.a, t.b, s.b));
    return { at: [s.a[0] + f * (s.b[0] - s.a[0]), s.a[1] + f * (s.b[1] - s.a[1])], crossing: true };
  }
  if (d1 === 0 && within(s.a, s.b, t.a)) return { at: t.a, crossing: false };
  if (d2 === 0 && within(s.a, s.b, t.b)) return { at: t.b, crossing: false };
  if (d3 === 0 && within(t.a, t.b, s.a)) return { at: s.a, crossing: false };
  if (d4 === 0 && within(t.a, t.b, s.b)) return { at: s.b, crossing: false };
  return null;
}

const shown = ([x, y]: Point) => `[${+x.toFixed(6)}, ${+y.toFixed(6)}]`;
const ringSays = sayBoth('Ring', 'ring');
const crossesItself = (at: Point) =>
  ringSays(
    `korsar eller rör sig själv vid ${shown(at)} (rita om gränsen så att den inte korsar sig själv)`,
    `crosses or touches itself at ${shown(at)} (redraw the boundary so that it does not cross itself)`,
  );

/** The first ring that crosses or touches itself, or crosses another ring; null for a sound geometry. */
export function firstRingCrossing(geometry: AreaGeometry): RingProblem | null {
  const rings = ringsOf(geometry);
  const segments: Segment[] = [];
  const sizes: number[] = [];
  for (const [r, ring] of rings.entries()) {
    const vertices = verticesOf(ring.positions);
    const problem = spike(vertices);
    if (problem) return { path: ['coordinates', ...ring.path], message: crossesItself(problem) };
    sizes.push(vertices.length);
    vertices.forEach((a, index) => {
      const b = vertices[(index + 1) % vertices.length]!;
      segments.push({
        ring: r,
        index,
        a,
        b,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    });
  }
  const neighbours = (s: Segment, t: Segment) => {
    if (s.ring !== t.ring) return false;
    const gap = Math.abs(s.index - t.index);
    return gap === 1 || gap === sizes[s.ring]! - 1;
  };
  // A sweep from west to east: a segment is compared only with those whose x-range overlaps its
  // own, and the first contact ends it, so a hostile ring costs no more than a sound one.
  segments.sort((s, t) => s.minX - t.minX);
  const active: Segment[] = [];
  for (const segment of segments) {
    for (let i = active.length - 1; i >= 0; i--) {
      const other = active[i]!;
      if (other.maxX < segment.minX) {
        active[i] = active.at(-1)!;
        active.pop();
        continue;
      }
      if (other.maxY < segment.minY || segment.maxY < other.minY || neighbours(segment, other)) continue;
      const met = contact(segment, other);
      if (!met || (segment.ring !== other.ring && !met.crossing)) continue;
      const [later, earlier] = segment.ring > other.ring ? [segment, other] : [other, segment];
      const path = ['coordinates', ...rings[later.ring]!.path];
      if (later.ring === earlier.ring) return { path, message: crossesItself(met.at) };
      const crossed = ['coordinates', ...rings[earlier.ring]!.path].join('.');
      return {
        path,
        message: ringSays(
          `korsar ringen ${crossed} vid ${shown(met.at)} (ett hål ska ligga inom sin yttre ring, och polygonerna i ett område får inte överlappa)`,
          `crosses ring ${crossed} at ${shown(met.at)} (a hole must lie within its outer ring, and the polygons of an area must not overlap)`,
        ),
      };
    }
    active.push(segment);
  }
  return null;
}

/**
 * A ring that turns straight back overlaps itself along the way it came; the sweep does not see
 * it, as it skips neighbouring segments (they always share an end).
 */
function spike(vertices: readonly Point[]): Point | null {
  for (const [i, vertex] of vertices.entries()) {
    const before = vertices[(i - 1 + vertices.length) % vertices.length]!;
    const after = vertices[(i + 1) % vertices.length]!;
    const turnsBack =
      cross(before, vertex, after) === 0 &&
      (vertex[0] - before[0]) * (after[0] - vertex[0]) + (vertex[1] - before[1]) * (after[1] - vertex[1]) < 0;
    if (turnsBack) return vertex;
  }
  return null;
}
