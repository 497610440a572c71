import type { AreaGeometry } from '@laget/contracts';
import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { areaRegisterDecider, currentAreas, MAX_AREAS, type AreaEvent } from './area-register.decider.js';

const square = (west: number, south: number, size = 0.01): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

const asenDefined: AreaEvent = {
  type: 'AreaDefined',
  data: { areaId: 'a1', name: 'Åsen', geometry: square(15.94, 60.06) },
};
const centrumDefined: AreaEvent = {
  type: 'AreaDefined',
  data: { areaId: 'a2', name: 'Centrum', geometry: square(15.91, 60.06) },
};

const spec = deciderSpec(areaRegisterDecider);

describe('the area register', () => {
  it('defines an area with its name and polygon', () => {
    spec
      .given([])
      .when({ type: 'DefineArea', data: asenDefined.data as never })
      .then([asenDefined]);
    expect(spec.given([asenDefined]).state.areas.a1).toMatchObject({ name: 'Åsen', removed: false });
  });

  it('refuses a second area of the same name whatever the case, but "Asen" is another name than "Åsen"', () => {
    spec
      .given([asenDefined])
      .when({ type: 'DefineArea', data: { areaId: 'a9', name: 'ÅSEN', geometry: square(1, 1) } })
      .thenThrows({ kind: 'conflict', details: { field: 'name', areaId: 'a1' } });
    expect(
      spec
        .given([asenDefined])
        .when({ type: 'DefineArea', data: { areaId: 'a9', name: 'Asen', geometry: square(1, 1) } })
        .events(),
    ).toHaveLength(1);
  });

  it('decides the same definition again as nothing (a retried request), a different one under the same id as a conflict', () => {
    spec
      .given([asenDefined])
      .when({ type: 'DefineArea', data: asenDefined.data as never })
      .thenNothing();
    spec
      .given([asenDefined])
      .when({ type: 'DefineArea', data: { ...asenDefined.data, name: 'Annat' } as never })
      .thenThrows({ kind: 'conflict' });
  });

  it('renames and redraws as two facts, and nothing when nothing changes', () => {
    spec
      .given([asenDefined])
      .when({ type: 'EditArea', data: { areaId: 'a1', name: 'Åsen norra', geometry: square(15.95, 60.07) } })
      .then([
        { type: 'AreaRenamed', data: { areaId: 'a1', name: 'Åsen norra', previousName: 'Åsen' } },
        { type: 'AreaRedrawn', data: { areaId: 'a1', geometry: square(15.95, 60.07) } },
      ]);
    spec
      .given([asenDefined])
      .when({ type: 'EditArea', data: { areaId: 'a1', name: 'Åsen', geometry: square(15.94, 60.06) } })
      .thenNothing();
    spec
      .given([asenDefined, centrumDefined])
      .when({ type: 'EditArea', data: { areaId: 'a1', name: 'centrum' } })
      .thenThrows({ kind: 'conflict', details: { field: 'name' } });
  });

  it('removes an area: then it is gone for edits, and its name is free again', () => {
    const removed: AreaEvent = { type: 'AreaRemoved', data: { areaId: 'a1', name: 'Åsen' } };
    spec
      .given([asenDefined])
      .when({ type: 'RemoveArea', data: { areaId: 'a1' } })
      .then([removed]);
    spec
      .given([asenDefined, removed])
      .when({ type: 'RemoveArea', data: { areaId: 'a1' } })
      .thenThrows({ kind: 'not_found' });
    spec
      .given([asenDefined, removed])
      .when({ type: 'EditArea', data: { areaId: 'a1', name: 'X' } })
      .thenThrows({ kind: 'not_found' });
    expect(
      spec
        .given([asenDefined, removed])
        .when({ type: 'DefineArea', data: { areaId: 'a3', name: 'Åsen', geometry: square(1, 1) } })
        .events(),
    ).toHaveLength(1);
    expect(currentAreas(spec.given([asenDefined, removed]).state)).toEqual([]);
  });

  it('knows no area called __proto__ or constructor', () => {
    for (const areaId of ['__proto__', 'constructor', 'toString'])
      spec
        .given([asenDefined])
        .when({ type: 'RemoveArea', data: { areaId } })
        .thenThrows({ kind: 'not_found' });
  });

  it('imports: a known name is redrawn, a new one defined, an unchanged one left as it is', () => {
    spec
      .given([asenDefined, centrumDefined])
      .when({
        type: 'ImportAreas',
        data: {
          areas: [
            { newAreaId: 'n1', name: 'åsen', geometry: square(15.95, 60.07) },
            { newAreaId: 'n2', name: 'Kärrgruvan', geometry: square(15.88, 60.09) },
            { newAreaId: 'n3', name: 'Centrum', geometry: square(15.91, 60.06) },
          ],
        },
      })
      .then([
        { type: 'AreaRedrawn', data: { areaId: 'a1', geometry: square(15.95, 60.07) } },
        { type: 'AreaDefined', data: { areaId: 'n2', name: 'Kärrgruvan', geometry: square(15.88, 60.09) } },
      ]);
  });

  it('keeps the register to at most MAX_AREAS areas', () => {
    const full: AreaEvent[] = Array.from({ length: MAX_AREAS }, (_, i) => ({
      type: 'AreaDefined',
      data: { areaId: `x${i}`, name: `Område ${i}`, geometry: square(i / 100, 0) },
    }));
    spec
      .given(full)
      .when({ type: 'DefineArea', data: { areaId: 'one-more', name: 'Ett till', geometry: square(1, 1) } })
      .thenThrows({ kind: 'rule' });
  });
});
