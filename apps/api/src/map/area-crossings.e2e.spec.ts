import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  adminClient,
  createOrganisation,
  createUser,
  type ApiClient,
} from '../reporting/testing/http-kit.js';

/** A bow-tie: the outline crosses itself at [15.51, 60.01]. */
const bowTie = {
  type: 'Polygon',
  coordinates: [
    [
      [15.5, 60],
      [15.52, 60.02],
      [15.52, 60],
      [15.5, 60.02],
      [15.5, 60],
    ],
  ],
};
const box = (west: number, south: number, size: number) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

describeOnStores(['pglite'], 'areas whose rings cross over HTTP', (store) => {
  let app: TestApp;
  let coordinator: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ store });
    const admin = await adminClient(app.url);
    const organisationId = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
    ({ client: coordinator } = await createUser(admin, {
      username: 'korsning',
      organisationId,
      roles: ['coordinator'],
    }));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a bow-tie when defined, redrawn or imported, naming the ring; a square with a hole goes in', async () => {
    const refused = await coordinator.post('/api/areas', { name: 'Fluga', geometry: bowTie });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      {
        field: 'body.geometry.coordinates.0',
        message: expect.stringMatching(/^Ring: korsar eller rör sig själv vid \[15\.51, 60\.01\]/),
      },
    ]);

    const holed = await coordinator.post<{ id: string; version: number }>('/api/areas', {
      name: 'Ringen',
      geometry: { type: 'Polygon', coordinates: [box(15.6, 60, 0.04), box(15.61, 60.01, 0.01)] },
    });
    expect(holed.status).toBe(201);

    const redrawn = await coordinator.patch(
      `/api/areas/${holed.body.id}`,
      { geometry: bowTie },
      { 'if-match': String(holed.body.version) },
    );
    expect(redrawn.status).toBe(400);
    expect(JSON.stringify(redrawn.body)).toContain('body.geometry.coordinates.0');

    const imported = await coordinator.post('/api/areas/import', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Fluga' }, geometry: bowTie },
        {
          type: 'Feature',
          properties: { name: 'Delarna' },
          // Two squares sharing an edge: they touch, which is allowed.
          geometry: { type: 'MultiPolygon', coordinates: [[box(15.7, 60, 0.01)], [box(15.71, 60, 0.01)]] },
        },
      ],
    });
    expect(imported.status).toBe(200);
    expect(imported.body.results).toEqual([
      {
        index: 0,
        name: 'Fluga',
        outcome: 'refused',
        areaId: null,
        reason: expect.stringMatching(
          /^features\.0\.geometry\.coordinates\.0: Ring: korsar eller rör sig själv/,
        ),
      },
      expect.objectContaining({ index: 1, name: 'Delarna', outcome: 'created' }),
    ]);
    const names = (await coordinator.get<{ name: string }[]>('/api/areas')).body.map((a) => a.name);
    expect(names.sort()).toEqual(['Delarna', 'Ringen']);
  });
});
