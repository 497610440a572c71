import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  hotspotCollection,
  labelPoint,
  summarisePlaces,
  weeklyCounts,
  weightOf,
  type PlaceSummary,
} from './hotspots.js';
import type { AreaView, MapIncident } from './map-types.js';

function incident(n: number, placeId: string, severity: number | null, period = '2024-W48'): MapIncident {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [15.9 + Number(placeId.slice(1)) / 100, 60.06] },
    properties: {
      incidentId: `i${n}`,
      reportId: 'r1',
      period,
      organisationId: 'skolan',
      organisationName: 'Skolan',
      category: 'skadegorelse',
      categoryLabel: 'Skadegörelse',
      severity,
      placeId,
      placeName: `Plats ${placeId}`,
      areaId: 'centrum',
      areaName: 'Centrum',
    },
  };
}

describe('the places summed for the hot-spot layer', () => {
  it('counts incidents and sums severities per place, busiest first, unassessed adding nothing', () => {
    const summaries = summarisePlaces([incident(1, 'p1', 2), incident(2, 'p2', 5), incident(3, 'p2', null)]);
    expect(summaries.map((s) => [s.id, s.count, s.severitySum])).toEqual([
      ['p2', 2, 5],
      ['p1', 1, 2],
    ]);
    expect(summaries[0]!.areaName).toBe('Centrum');
  });

  it('keeps registered places without incidents, at 0, after those with', () => {
    const summaries = summarisePlaces(
      [incident(1, 'p1', 3)],
      [
        { id: 'p9', name: 'Åsens skola', lat: 60.07, lon: 15.93, areaName: 'Åsen' },
        { id: 'p1', name: 'Torget', lat: 60.06, lon: 15.91 },
      ],
    );
    expect(summaries.map((s) => [s.name, s.count, s.areaName])).toEqual([
      ['Torget', 1, 'Centrum'],
      ['Åsens skola', 0, 'Åsen'],
    ]);
  });

  it('weighs by count or by severity, scaled so the heaviest place is 1', () => {
    const summaries = summarisePlaces([incident(1, 'p1', 1), incident(2, 'p1', 1), incident(3, 'p2', 5)]);
    const weights = (w: 'count' | 'severity') =>
      Object.fromEntries(
        hotspotCollection(summaries, w).features.map((f) => [f.properties.placeId, f.properties.weight]),
      );
    expect(weights('count')).toEqual({ p1: 1, p2: 0.5 });
    expect(weights('severity')).toEqual({ p1: 0.4, p2: 1 });
  });

  it('property: weights lie in 0..1, the heaviest place is exactly 1, and the order of weights follows the sums', () => {
    const arb = fc.array(
      fc.record({
        place: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        severity: fc.option(fc.integer({ min: 1, max: 5 })),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('count' as const, 'severity' as const), (rows, weighting) => {
        const summaries = summarisePlaces(rows.map((r, i) => incident(i, r.place, r.severity)));
        expect(summaries.reduce((n, s) => n + s.count, 0)).toBe(rows.length);
        const features = hotspotCollection(summaries, weighting).features;
        const byId = new Map(summaries.map((s) => [s.id, s] as [string, PlaceSummary]));
        for (const f of features) {
          expect(f.properties.weight).toBeGreaterThanOrEqual(0);
          expect(f.properties.weight).toBeLessThanOrEqual(1);
        }
        if (summaries.some((s) => weightOf(s, weighting) > 0))
          expect(Math.max(...features.map((f) => f.properties.weight))).toBe(1);
        for (const a of features)
          for (const b of features) {
            const sa = weightOf(byId.get(a.properties.placeId)!, weighting);
            const sb = weightOf(byId.get(b.properties.placeId)!, weighting);
            if (sa < sb) expect(a.properties.weight).toBeLessThan(b.properties.weight);
          }
      }),
    );
  });
});

describe('a place’s weeks', () => {
  it('counts per week over the period, 0 in quiet weeks, across the new year', () => {
    const { weeks, counts } = weeklyCounts(
      [
        incident(1, 'p1', 1, '2024-W52'),
        incident(2, 'p1', 1, '2025-W02'),
        incident(3, 'p1', 1, '2025-W02'),
        incident(4, 'p1', 1, '2025-W09'),
      ],
      '2024-W52',
      '2025-W02',
    );
    expect(weeks).toEqual(['2024-W52', '2025-W01', '2025-W02']);
    expect(counts).toEqual([1, 0, 2]);
  });
});

describe('where the map opens and names its areas', () => {
  const square: AreaView = {
    id: 'a',
    name: 'Centrum',
    version: 1,
    placeCount: 0,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [15.9, 60.0],
          [16.0, 60.0],
          [16.0, 60.1],
          [15.9, 60.1],
          [15.9, 60.0],
        ],
      ],
    },
  };

  it('frames every area and place, and nothing when there is nothing', () => {
    expect(boundsOf([square], [{ id: 'p', name: 'Kärrgruvan', lat: 60.12, lon: 15.88 }])).toEqual([
      [15.88, 60.0],
      [16.0, 60.12],
    ]);
    expect(boundsOf([], [])).toBeNull();
  });

  it("puts an area's name at the top middle of its largest part", () => {
    const [lon, lat] = labelPoint({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10, 10],
            [10.01, 10],
            [10.01, 10.01],
            [10, 10],
          ],
        ],
        square.geometry.coordinates as number[][][],
      ],
    });
    expect(lon).toBeCloseTo(15.95);
    expect(lat).toBeCloseTo(60.1);
  });
});
