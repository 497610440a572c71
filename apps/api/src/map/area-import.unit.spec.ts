import type { AreaGeometry } from '@laget/contracts';
import { importResults, readFeatures } from './area-import.js';
import { evolveAreas, initialAreaRegisterState, type AreaEvent } from './area-register.decider.js';

const square = (west: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, 60],
      [west + 0.01, 60],
      [west + 0.01, 60.01],
      [west, 60],
    ],
  ],
});
const feature = (properties: unknown, geometry: unknown = square(15)) => ({
  type: 'Feature',
  properties,
  geometry,
});

describe('reading an import feature by feature', () => {
  it('reads good features, refuses broken ones with the field, and a name twice in the file', () => {
    const read = readFeatures([
      feature({ name: 'Centrum' }),
      feature({ namn: ' Åsen ' }),
      feature({ name: 'centrum' }, square(16)),
      feature({ name: 'Trasig' }, { type: 'Polygon', coordinates: [[[15, 60]]] }),
      feature({}),
      feature(
        { name: 'Fluga' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [15, 60],
              [15.02, 60.02],
              [15.02, 60],
              [15, 60.02],
              [15, 60],
            ],
          ],
        },
      ),
      { type: 'FeatureCollection' },
      42,
    ]);
    expect(read.map((r) => (r.ok ? r.name : r.reason))).toEqual([
      'Centrum',
      'Åsen',
      expect.stringMatching(/^features\.2\.properties\.name: .*objekt 0/),
      expect.stringMatching(/^features\.3\.geometry\.coordinates\.0: /),
      expect.stringMatching(/^features\.4\.properties\.name: /),
      expect.stringMatching(/^features\.5\.geometry\.coordinates\.0: Ring: korsar eller rör sig själv/),
      expect.stringMatching(/^features\.6\.type: /),
      expect.stringMatching(/^features\.7: /),
    ]);
    expect(read[3]).toMatchObject({ ok: false, name: 'Trasig' });
    expect(read[5]).toMatchObject({ ok: false, name: 'Fluga' });
  });

  it('answers what became of each feature from the events', () => {
    const before: AreaEvent[] = [
      { type: 'AreaDefined', data: { areaId: 'a1', name: 'Centrum', geometry: square(15) } },
      { type: 'AreaDefined', data: { areaId: 'a2', name: 'Olovsbo', geometry: square(14) } },
    ];
    const read = readFeatures([
      feature({ name: 'centrum' }),
      feature({ name: 'Olovsbo' }, square(13)),
      feature({ name: 'Åsen' }, square(16)),
      feature({ name: '' }),
    ]);
    const events: AreaEvent[] = [
      { type: 'AreaRedrawn', data: { areaId: 'a2', geometry: square(13) } },
      { type: 'AreaDefined', data: { areaId: 'n3', name: 'Åsen', geometry: square(16) } },
    ];
    const after = [...before, ...events].reduce(evolveAreas, initialAreaRegisterState());
    expect(importResults(read, after, events)).toEqual([
      { index: 0, name: 'Centrum', outcome: 'unchanged', areaId: 'a1', reason: null },
      { index: 1, name: 'Olovsbo', outcome: 'redrawn', areaId: 'a2', reason: null },
      { index: 2, name: 'Åsen', outcome: 'created', areaId: 'n3', reason: null },
      {
        index: 3,
        name: null,
        outcome: 'refused',
        areaId: null,
        reason: expect.stringMatching(/properties\.name/),
      },
    ]);
  });
});
