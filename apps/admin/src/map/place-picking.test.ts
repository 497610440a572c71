import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceMetres, metresPerPixels, nearestPlace, pickablePlaces } from './place-picking.js';

const torget = { id: 'torget', name: 'Torget', lat: 60.0672, lon: 15.9239 };
const skolan = { id: 'skolan', name: 'Kvarnbacksskolan', lat: 60.0705, lon: 15.9301 };

describe('picking a place on the map', () => {
  it('offers only places in use that have a position', () => {
    expect(
      pickablePlaces([
        { ...torget, coordinates: { lat: torget.lat, lon: torget.lon } },
        { id: 'gammal', name: 'Gamla macken', retired: true, coordinates: { lat: 60, lon: 15 } },
        { id: 'okand', name: 'Någonstans', coordinates: null },
      ]),
    ).toEqual([{ id: 'torget', name: 'Torget', lat: torget.lat, lon: torget.lon, areaName: null }]);
  });

  it('a tap picks the nearest place within reach, and nothing when every place is far', () => {
    expect(nearestPlace([torget, skolan], { lat: 60.0673, lon: 15.924 }, 50)?.id).toBe('torget');
    expect(nearestPlace([torget, skolan], { lat: 60.0704, lon: 15.93 }, 50)?.id).toBe('skolan');
    expect(nearestPlace([torget, skolan], { lat: 60.1, lon: 15.8 }, 50)).toBeNull();
    expect(nearestPlace([], { lat: 60, lon: 15 }, 1e9)).toBeNull();
  });

  it('measures distance like a map does', () => {
    // Torget to the school is about 480 m.
    expect(distanceMetres(torget, skolan)).toBeGreaterThan(450);
    expect(distanceMetres(torget, skolan)).toBeLessThan(520);
    // A 44 px finger at zoom 15 in Norberg spans tens of metres.
    const reach = metresPerPixels(44, 15, 60.07);
    expect(reach).toBeGreaterThan(20);
    expect(reach).toBeLessThan(60);
  });

  it('property: the picked place is within reach and no other place is nearer', () => {
    const point = fc.record({
      lat: fc.double({ min: 59.9, max: 60.2, noNaN: true }),
      lon: fc.double({ min: 15.7, max: 16.1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 20 }),
        point,
        fc.integer({ min: 1, max: 5000 }),
        (spots, tap, reach) => {
          const places = spots.map((s, i) => ({ id: `p${i}`, name: `P${i}`, ...s }));
          const picked = nearestPlace(places, tap, reach);
          const distances = places.map((p) => distanceMetres(p, tap));
          if (picked === null) expect(distances.every((d) => d > reach)).toBe(true);
          else {
            const d = distanceMetres(picked, tap);
            expect(d).toBeLessThanOrEqual(reach);
            expect(distances.every((other) => other >= d)).toBe(true);
          }
        },
      ),
    );
  });
});
