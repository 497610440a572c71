import fc from 'fast-check';
import {
  areaFeatureSchema,
  areaGeometrySchema,
  defineAreaRequestSchema,
  editAreaRequestSchema,
  importAreasRequestSchema,
  mapQuerySchema,
  MAX_AREA_POSITIONS,
} from './map.js';

const ring = [
  [15.9, 60.06],
  [15.94, 60.06],
  [15.94, 60.08],
  [15.9, 60.06],
];
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n');

describe('area geometry at the edge', () => {
  it('keeps a Polygon or MultiPolygon as {type, coordinates}, altitudes and foreign members dropped', () => {
    const parsed = areaGeometrySchema.parse({
      type: 'Polygon',
      coordinates: [ring.map(([lon, lat]) => [lon, lat, 120])],
      bbox: [1, 2, 3, 4],
      crs: { type: 'name' },
    });
    expect(parsed).toEqual({ type: 'Polygon', coordinates: [ring] });
    expect(areaGeometrySchema.parse({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toEqual({
      type: 'MultiPolygon',
      coordinates: [[ring], [ring]],
    });
  });

  it.each([
    ['a Point', { type: 'Point', coordinates: [15, 60] }, /Polygon eller MultiPolygon/],
    ['no rings', { type: 'Polygon', coordinates: [] }, /minst en ring/],
    ['three positions', { type: 'Polygon', coordinates: [ring.slice(1)] }, /minst 4 positioner/],
    ['an open ring', { type: 'Polygon', coordinates: [[...ring.slice(0, 3), [15.91, 60.07]]] }, /sluten/],
    [
      'a ring with no area',
      { type: 'Polygon', coordinates: [[ring[0], ring[0], ring[1], ring[0]]] },
      /ingen yta/,
    ],
    ['latitude 91', { type: 'Polygon', coordinates: [[[15, 91], ...ring.slice(1, 3), [15, 91]]] }, /Latitud/],
    [
      'SWEREF 99 TM',
      {
        type: 'Polygon',
        coordinates: [
          [
            [560000, 6660000],
            [560100, 6660000],
            [560100, 6660100],
            [560000, 6660000],
          ],
        ],
      },
      /SWEREF 99/,
    ],
    [
      'a text coordinate',
      { type: 'Polygon', coordinates: [[['15', 60], ...ring.slice(1, 3), ['15', 60]]] },
      /tal/,
    ],
    [
      'a position of one number',
      { type: 'Polygon', coordinates: [[[15], ...ring.slice(1)]] },
      /\[longitud, latitud\]/,
    ],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, /minst en polygon/],
    ['an empty ring', { type: 'Polygon', coordinates: [[]] }, /minst 4 positioner/],
    [
      'empty rings in a MultiPolygon',
      { type: 'MultiPolygon', coordinates: [[[]], [[], []]] },
      /minst 4 positioner/,
    ],
    ['no object at all', 'Polygon', /GeoJSON-geometri/],
  ])('refuses %s, naming what is wrong', (_what, geometry, message) => {
    const result = areaGeometrySchema.safeParse(geometry);
    expect(result.success).toBe(false);
    expect(messages(result)).toMatch(message);
  });

  it(`refuses more than ${MAX_AREA_POSITIONS} positions in one area, over its rings together`, () => {
    const many = Array.from({ length: 5001 }, (_, i) => [15 + i / 1e6, 60 + (i % 2) / 1e4]);
    const big = [...many, many[0]!];
    const result = areaGeometrySchema.safeParse({
      type: 'MultiPolygon',
      coordinates: [[big], [big], [big], [big]],
    });
    expect(messages(result)).toMatch(/förenkla/);
  });

  it('names an area as free text: trimmed, never empty, no NUL or lone surrogate', () => {
    expect(
      defineAreaRequestSchema.parse({
        name: '  Kärrgruvan ',
        geometry: { type: 'Polygon', coordinates: [ring] },
      }).name,
    ).toBe('Kärrgruvan');
    for (const name of ['', '   ', 'a\u0000', 'a\ud800', 'x'.repeat(101), 42])
      expect(
        defineAreaRequestSchema.safeParse({ name, geometry: { type: 'Polygon', coordinates: [ring] } })
          .success,
      ).toBe(false);
  });

  it('reads a feature’s name from properties.name or properties.namn', () => {
    const geometry = { type: 'Polygon', coordinates: [ring] };
    expect(areaFeatureSchema.parse({ type: 'Feature', properties: { namn: 'Åsen' }, geometry }).name).toBe(
      'Åsen',
    );
    expect(
      areaFeatureSchema.parse({ type: 'Feature', properties: { name: 'Olovsbo', namn: 'X' }, geometry }).name,
    ).toBe('Olovsbo');
    const nameless = areaFeatureSchema.safeParse({ type: 'Feature', properties: { NAMN: 'Åsen' }, geometry });
    expect(messages(nameless)).toMatch(/^properties\.name: Namn/);
  });

  it('property: whatever JSON comes in, the geometry is refused or is closed rings of [lon, lat] in range', () => {
    const json = fc.jsonValue({ maxDepth: 5 });
    const position = fc.tuple(
      fc.double({ min: -200, max: 200, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
    );
    const anyRing = fc
      .array(position, { minLength: 0, maxLength: 6 })
      .map((r) => (r.length > 2 ? [...r, r[0]!] : r));
    const candidate = fc.oneof(
      json,
      fc.record({
        type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point'),
        coordinates: fc.oneof(json, fc.array(anyRing, { maxLength: 3 })),
      }),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        const parsed = areaGeometrySchema.safeParse(value);
        if (!parsed.success) return true;
        const polygons = parsed.data.type === 'Polygon' ? [parsed.data.coordinates] : parsed.data.coordinates;
        return polygons.every((rings) =>
          rings.every(
            (r) =>
              r.length >= 4 &&
              r[0]![0] === r.at(-1)![0] &&
              r[0]![1] === r.at(-1)![1] &&
              r.every((p) => p.length === 2 && Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90),
          ),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('no input makes the area schemas throw (a throw would be a 500)', () => {
  it('property: features, bodies and imports of any shape are parsed or refused', () => {
    const json = fc.jsonValue({ maxDepth: 6 });
    const ringish = fc.array(fc.oneof(fc.array(fc.oneof(fc.double(), json), { maxLength: 4 }), json), {
      maxLength: 6,
    });
    const geometryish = fc.record({
      type: fc.constantFrom('Polygon', 'MultiPolygon', 'Feature', '__proto__'),
      coordinates: fc.oneof(
        json,
        fc.array(ringish, { maxLength: 3 }),
        fc.array(fc.array(ringish), { maxLength: 2 }),
      ),
    });
    const featureish = fc.record({
      type: fc.constantFrom('Feature', 'FeatureCollection'),
      properties: fc.oneof(json, fc.record({ name: json, namn: json })),
      geometry: fc.oneof(json, geometryish),
    });
    fc.assert(
      fc.property(fc.oneof(json, geometryish, featureish), (value) => {
        areaFeatureSchema.safeParse(value);
        areaGeometrySchema.safeParse(value);
        defineAreaRequestSchema.safeParse({ name: 'X', geometry: value });
        editAreaRequestSchema.safeParse({ geometry: value });
        importAreasRequestSchema.safeParse({ type: 'FeatureCollection', features: [value] });
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the map query', () => {
  it('takes a range of ISO weeks and optional filters; refuses the rest', () => {
    expect(mapQuerySchema.parse({ from: '2024-W40', to: '2024-W48', category: 'klotter' })).toEqual({
      from: '2024-W40',
      to: '2024-W48',
      category: 'klotter',
    });
    for (const query of [
      { from: '2024-W48' },
      { from: '2024-W48', to: '2024-W40' },
      { from: '2024-W48', to: '2024-W54' },
      { from: '2000-W01', to: '2024-W01' },
      { from: '2024-W48', to: '2024-W48', organisationId: '__proto__ ' },
      { from: '2024-W48', to: '2024-W48', x: '1' },
    ])
      expect(mapQuerySchema.safeParse(query).success).toBe(false);
  });
});
