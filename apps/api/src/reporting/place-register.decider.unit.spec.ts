import { DomainError } from '../platform/domain/domain-error.js';
import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { placeRegisterDecider, type PlaceEvent } from './place-register.decider.js';

const arena: PlaceEvent = {
  type: 'PlaceRegistered',
  data: {
    placeId: 'p1',
    name: 'Frida Hansdotter Arena',
    kind: 'sports_facility',
    coordinates: { lat: 60.07, lon: 15.93 },
  },
};

const spec = deciderSpec(placeRegisterDecider);

describe('place register decider', () => {
  it('registers a place with WGS84 coordinates', () => {
    expect(
      spec
        .given([])
        .when({ type: 'RegisterPlace', data: arena.data as never })
        .events(),
    ).toEqual([arena]);
    expect(spec.given([arena]).state.places.p1).toMatchObject({
      name: 'Frida Hansdotter Arena',
      retired: false,
    });
  });

  it('refuses a second place with the same name, whatever the case', () => {
    const run = spec.given([arena]).when({
      type: 'RegisterPlace',
      data: { placeId: 'p2', name: 'frida hansdotter arena', kind: 'other', coordinates: null },
    }).events;
    expect(run).toThrow(
      expect.objectContaining({ kind: 'conflict', details: expect.objectContaining({ field: 'name' }) }),
    );
  });

  it('tells Unkan from unkån (accents differ), and the same registration twice is one', () => {
    const unkan: PlaceEvent = {
      type: 'PlaceRegistered',
      data: { placeId: 'p3', name: 'Unkan', kind: 'youth_centre', coordinates: null },
    };
    expect(
      spec
        .given([unkan])
        .when({
          type: 'RegisterPlace',
          data: { placeId: 'p4', name: 'Unkån', kind: 'other', coordinates: null },
        })
        .events(),
    ).toHaveLength(1);
    expect(
      spec
        .given([unkan])
        .when({ type: 'RegisterPlace', data: unkan.data as never })
        .events(),
    ).toEqual([]);
  });

  it('records an edit field by field, and nothing when nothing changes', () => {
    expect(
      spec
        .given([arena])
        .when({
          type: 'EditPlace',
          data: { placeId: 'p1', coordinates: null, kind: 'sports_facility' },
        })
        .events(),
    ).toEqual([
      {
        type: 'PlaceEdited',
        data: {
          placeId: 'p1',
          changes: [{ field: 'coordinates', before: { lat: 60.07, lon: 15.93 }, after: null }],
        },
      },
    ]);
    expect(
      spec
        .given([arena])
        .when({ type: 'EditPlace', data: { placeId: 'p1', name: 'Frida Hansdotter Arena' } })
        .events(),
    ).toEqual([]);
  });

  it('retires a place, which frees its name', () => {
    const retired: PlaceEvent = { type: 'PlaceRetired', data: { placeId: 'p1' } };
    expect(
      spec
        .given([arena])
        .when({ type: 'RetirePlace', data: { placeId: 'p1' } })
        .events(),
    ).toEqual([retired]);
    expect(spec.given([arena, retired]).state.places.p1?.retired).toBe(true);
    expect(
      spec
        .given([arena, retired])
        .when({
          type: 'RegisterPlace',
          data: { placeId: 'p9', name: 'Frida Hansdotter Arena', kind: 'other', coordinates: null },
        })
        .events(),
    ).toHaveLength(1);
  });

  it('does not know a place never registered', () => {
    expect(spec.given([]).when({ type: 'EditPlace', data: { placeId: 'nope', name: 'x' } }).events).toThrow(
      DomainError,
    );
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'knows no place called %s (the prototype is no place)',
    (placeId) => {
      const state = spec.given([arena]);
      expect(state.when({ type: 'EditPlace', data: { placeId, name: 'x' } }).events).toThrow(
        expect.objectContaining({ kind: 'not_found' }),
      );
      expect(state.when({ type: 'RetirePlace', data: { placeId } }).events).toThrow(
        expect.objectContaining({ kind: 'not_found' }),
      );
    },
  );
});
