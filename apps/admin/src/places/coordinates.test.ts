import { describe, expect, it } from 'vitest';
import { coordinateErrors, formatCoordinates, toPlaceRequest } from './coordinates.js';

describe('a place’s coordinates in the form', () => {
  it('accepts none, or both within WGS84’s ranges, edges included', () => {
    expect(coordinateErrors({ name: 'Torget' })).toEqual({});
    expect(coordinateErrors({ coordinates: null })).toEqual({});
    expect(coordinateErrors({ coordinates: { lat: null, lon: null } })).toEqual({});
    expect(coordinateErrors({ coordinates: { lat: 60.079, lon: 15.732 } })).toEqual({});
    expect(coordinateErrors({ coordinates: { lat: -90, lon: 180 } })).toEqual({});
    expect(coordinateErrors({ coordinates: { lat: 90, lon: -180 } })).toEqual({});
  });

  it('names the field that is out of range, with the Swedish message key', () => {
    expect(coordinateErrors({ coordinates: { lat: 90.0001, lon: 15 } })).toEqual({
      coordinates: { lat: 'laget.places.errors.lat_range' },
    });
    expect(coordinateErrors({ coordinates: { lat: 60, lon: -180.5 } })).toEqual({
      coordinates: { lon: 'laget.places.errors.lon_range' },
    });
    // Latitude and longitude swapped by mistake: only the latitude can be wrong.
    expect(coordinateErrors({ coordinates: { lat: 155.7, lon: 60.1 } })).toEqual({
      coordinates: { lat: 'laget.places.errors.lat_range' },
    });
  });

  it('asks for the other half when only one is given', () => {
    expect(coordinateErrors({ coordinates: { lat: 60, lon: null } })).toEqual({
      coordinates: { lon: 'laget.places.errors.both_or_neither' },
    });
    expect(coordinateErrors({ coordinates: { lon: 15 } })).toEqual({
      coordinates: { lat: 'laget.places.errors.both_or_neither' },
    });
    // Out of range beats "the other is missing": fix that first.
    expect(coordinateErrors({ coordinates: { lat: 100 } })).toEqual({
      coordinates: { lat: 'laget.places.errors.lat_range', lon: 'laget.places.errors.both_or_neither' },
    });
  });

  it('sends both numbers, or null for a place without a position', () => {
    expect(
      toPlaceRequest({ name: 'Unkan', kind: 'youth_centre', coordinates: { lat: 60.1, lon: 15.7 } }),
    ).toEqual({
      name: 'Unkan',
      kind: 'youth_centre',
      coordinates: { lat: 60.1, lon: 15.7 },
    });
    expect(toPlaceRequest({ name: 'Unkan', coordinates: { lat: null, lon: null } })).toEqual({
      name: 'Unkan',
      coordinates: null,
    });
    expect(toPlaceRequest({ name: 'Unkan' })).toEqual({ name: 'Unkan', coordinates: null });
  });

  it('reads in Swedish with compass letters', () => {
    const sv = { north: 'N', south: 'S', east: 'Ö', west: 'V' };
    expect(formatCoordinates({ lat: 60.079, lon: 15.732 }, sv)).toBe('60,0790° N, 15,7320° Ö');
    expect(formatCoordinates({ lat: -33.8688, lon: -70.123456 }, sv)).toBe('33,8688° S, 70,123456° V');
    expect(formatCoordinates(null, sv)).toBe('');
  });
});
