import { openMapGeoJson } from './open-map-geojson.js';
import { openMapHtml, openMapTable } from './open-map-html.js';
import { openMapIncidents } from './open-map-incidents.js';
import { classBounds, renderOpenMapSvg } from './open-map-svg.js';
import { cellOf, openMapOf, shownSum, type OpenMapIncident } from './open-map.js';
import type { OpenMapArea } from './queries/open-map-areas.query.js';

const square = (lon: number, lat: number, size = 0.01): OpenMapArea['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

const areas: OpenMapArea[] = [
  { id: 'centrum', name: 'Centrum', geometry: square(15.92, 60.06) },
  { id: 'asen', name: 'Åsen', geometry: square(15.94, 60.06) },
  { id: 'karrgruvan', name: 'Kärrgruvan', geometry: square(15.88, 60.09) },
];
const placeAreas = Object.assign(Object.create(null) as Record<string, string>, {
  torget: 'centrum',
  skolan: 'centrum',
  arenan: 'asen',
  gruvan: 'karrgruvan',
});
const labels: Record<string, string> = { skadegorelse: 'Skadegörelse', narkotika: 'Narkotika' };
const labelOf = (key: string) => labels[key] ?? key;

const at = (placeId: string | null, count: number, category = 'skadegorelse'): OpenMapIncident[] =>
  Array.from({ length: count }, () => ({ category, placeId }));

const mapOf = (incidents: OpenMapIncident[], minCount = 3) =>
  openMapOf({ incidents, areas, placeAreas, minCount, labelOf });

describe('open map cells: suppression', () => {
  it.each([
    [0, { count: 0 }],
    [1, { count: null, fewerThan: 3 }],
    [2, { count: null, fewerThan: 3 }],
    [3, { count: 3 }],
    [17, { count: 17 }],
  ])('%i incidents in a cell read %j (minimum 3)', (count, expected) => {
    expect(cellOf('skadegorelse', 'Skadegörelse', count, 3)).toEqual({
      category: 'skadegorelse',
      label: 'Skadegörelse',
      ...expected,
    });
  });

  it('with a minimum of 1 every count is shown', () => {
    expect(cellOf('x', 'X', 1, 1)).toEqual({ category: 'x', label: 'X', count: 1 });
  });

  it('counts per area and category, shows 0, hides 1 … min−1, and sums only the shown cells', () => {
    const map = mapOf([
      ...at('torget', 2),
      ...at('skolan', 2),
      ...at('arenan', 2),
      ...at('gruvan', 1, 'narkotika'),
      ...at('torget', 3, 'narkotika'),
    ])!;
    expect(map.categories).toEqual([
      { key: 'narkotika', label: 'Narkotika' },
      { key: 'skadegorelse', label: 'Skadegörelse' },
    ]);
    expect(
      map.areas.map((area) => [area.name, area.cells.map((cell) => cell.count), shownSum(area)]),
    ).toEqual([
      ['Centrum', [3, 4], 7],
      ['Kärrgruvan', [null, 0], 0],
      ['Åsen', [0, null], 0],
    ]);
    expect(openMapTable(map).rows).toEqual([
      ['Centrum', '3', '4', '7'],
      ['Kärrgruvan', 'färre än 3', '0', '0'],
      ['Åsen', '0', 'färre än 3', '0'],
    ]);
  });

  it('leaves out incidents without a place, at a place outside every area, and places named like Object.prototype', () => {
    const map = mapOf([...at(null, 5), ...at('okand', 5), ...at('__proto__', 5), ...at('constructor', 5)])!;
    expect(map.categories).toEqual([]);
    expect(map.areas.every((area) => area.cells.length === 0)).toBe(true);
  });

  it('has no map without areas', () => {
    expect(openMapOf({ incidents: at('torget', 5), areas: [], placeAreas, minCount: 3, labelOf })).toBeNull();
  });
});

describe('which incidents the open map counts', () => {
  const item = (id: string, location: string) => ({
    id,
    organisationId: 'skolan',
    organisationName: 'Skolan',
    problem: 'Klotter',
    location,
    occurredAt: 'Natt',
    frequency: 'En gång',
    assessment: { severity: 2, scope: 'E' as const },
    comment: '',
    category: 'skadegorelse',
  });
  const reports = [
    {
      reportId: 'r',
      reportVersion: 1,
      organisationId: 'skolan',
      organisationName: 'Skolan',
      narrative: { kind: 'nothing_to_report' as const },
      incidents: ['a', 'b', 'c', 'd'].map((id) => ({ ...item(id, 'Torget'), placeId: 'torget' })),
    },
  ];
  const internal = [
    {
      id: 'incidents',
      kind: 'incidents' as const,
      title: 'H',
      items: ['a', 'b', 'c', 'd'].map((id) => item(id, 'Torget')),
    },
  ];

  it('counts the open rows only, and puts a row whose location was masked nowhere', () => {
    const open = [
      {
        id: 'incidents',
        kind: 'incidents' as const,
        title: 'H',
        // b was left out; c's location masked by a redaction; d's reads differently (a stale mask).
        items: [item('a', 'Torget'), item('c', '[maskerat]'), item('d', '[maskerat]')],
      },
    ];
    const redactions = [
      {
        id: 'm1',
        kind: 'mask' as const,
        target: { kind: 'field' as const, sectionId: 'incidents', itemId: 'c', field: 'location' },
        start: 0,
        end: 6,
        anchorHash: 'x',
        legalGround: 'OSL',
        reason: 'Var',
        appliedBy: 'u',
      },
    ];
    expect(openMapIncidents({ openSections: open, internalSections: internal, reports, redactions })).toEqual(
      [
        { category: 'skadegorelse', placeId: 'torget' },
        { category: 'skadegorelse', placeId: null },
        { category: 'skadegorelse', placeId: null },
      ],
    );
  });
});

describe('the open map drawn', () => {
  const map = mapOf([...at('torget', 5), ...at('arenan', 1), ...at('gruvan', 12)])!;

  it('is an SVG with a title naming every area and what is shown of it, and no hidden number', () => {
    const { svg, alt } = renderOpenMapSvg(map);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(alt).toContain('Centrum: Skadegörelse 5');
    expect(alt).toContain('Åsen: Skadegörelse färre än 3');
    expect(alt).toContain('Kärrgruvan: Skadegörelse 12');
    expect(svg.match(/<path /g)).toHaveLength(3);
    // Every area is inside the drawing, not the whole globe (RFC 7946 winding turned for d3-geo).
    for (const d of svg.matchAll(/ d="([^"]+)"/g)) {
      const numbers = (d[1] ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(440);
    }
  });

  it('shades by equal steps from the minimum up to the largest shown sum', () => {
    expect(classBounds(0, 3)).toEqual([]);
    expect(classBounds(2, 1)).toEqual([1, 2]);
    expect(classBounds(12, 1)).toEqual([3, 6, 9, 12]);
    expect(classBounds(3, 3)).toEqual([3]);
    expect(classBounds(11, 3)).toEqual([5, 7, 9, 11]);
    // With a minimum of 1 … every sum from the least to the largest falls in some class.
    for (let max = 1; max < 40; max++) {
      for (let least = 1; least <= max; least++) {
        const bounds = classBounds(max, least);
        expect(bounds.at(-1)).toBe(max);
        expect(bounds[0]).toBeGreaterThanOrEqual(least);
        expect([...bounds].sort((a, b) => a - b)).toEqual(bounds);
        expect(new Set(bounds).size).toBe(bounds.length);
      }
    }
  });

  it('writes the page section with a table whose hidden cell reads “färre än 3”', () => {
    const section = openMapHtml(map, renderOpenMapSvg(map), 'vecka 48 2024').value;
    expect(section).toContain('<h2 id="karta">Karta</h2>');
    expect(section).toContain('role="img" aria-labelledby="karta-alt"');
    expect(section).toContain('<td>färre än 3</td>');
  });

  it('escapes area names and labels it draws (markup, a lone surrogate, NUL)', () => {
    const hostile = openMapOf({
      incidents: at('torget', 3, 'x'),
      areas: [
        { id: 'centrum', name: '<script>alert(1)</script>\uD800\u0000"&', geometry: square(15.92, 60.06) },
      ],
      placeAreas,
      minCount: 3,
      labelOf: () => '<b>Kategori</b>',
    })!;
    const drawn = renderOpenMapSvg(hostile);
    const section = openMapHtml(hostile, drawn, 'v48').value;
    for (const out of [drawn.svg, section]) {
      expect(out).not.toContain('<script>');
      expect(out).not.toContain('<b>');
      expect(out.includes('\uD800') || out.includes('\u0000')).toBe(false);
      expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('gives GeoJSON with one feature per area and the hidden cell as count null, fewerThan 3', () => {
    const geojson = openMapGeoJson(map);
    expect(geojson.features.map((feature) => feature.properties.name)).toEqual([
      'Centrum',
      'Kärrgruvan',
      'Åsen',
    ]);
    expect(geojson.features[2]?.properties.cells).toEqual([
      { category: 'skadegorelse', label: 'Skadegörelse', count: null, fewerThan: 3 },
    ]);
  });
});
