import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DEMO_PASSWORD } from '../identity/first-start.js';
import { FixedClock } from '../platform/commands/clock.js';
import { QueryBus } from '@nestjs/cqrs';
import { UsersReadModel } from '../identity/index.js';
import { OpenMapAreasQuery } from '../publication/queries/open-map-areas.query.js';
import { adminClient, login, type ApiClient } from '../reporting/testing/http-kit.js';
import { demoCoordinator, MapDemo } from './map-demo.js';

interface Area {
  id: string;
  name: string;
  version: number;
  placeCount: number;
  geometry: { type: string };
}

/** Polls until the demo has drawn its areas (it runs beside the start). */
async function demoAreas(client: ApiClient): Promise<Area[]> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const answer = await client.get<Area[]>('/api/areas');
    const places = await client.get<{ name: string; coordinates: unknown }[]>('/api/places');
    if (
      answer.body.length >= 4 &&
      places.body.some((p) => p.name === 'Unkan' && p.coordinates !== null) &&
      places.body.some((p) => p.name === 'Olovsbo badplats')
    )
      return answer.body;
    if (Date.now() > deadline) throw new Error(`demo areas: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeOnStores(['postgres'], 'the map over HTTP', (store) => {
  let app: TestApp;
  const clock = new FixedClock(new Date('2025-01-13T10:00:00+01:00'));
  const clients: Record<string, ApiClient> = {};

  beforeAll(async () => {
    app = await startTestApp({ store, clock, env: { LAGET_DEMO: '1' } });
    for (const [role, username] of [
      ['coordinator', 'samordnare'],
      ['reviewer', 'granskare'],
      ['est_member', 'est'],
      ['reporter', 'nvk'],
    ] as const)
      clients[role] = await login(app.url, username, DEMO_PASSWORD);
    clients.admin = await adminClient(app.url);
    await demoAreas(clients.coordinator!);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('the demo draws areas around Norberg and places in them; /api/places names each place’s area', async () => {
    const areas = await clients.reporter!.get<Area[]>('/api/areas');
    expect(areas.status).toBe(200);
    expect(areas.headers.get('x-total-count')).toBe(String(areas.body.length));
    expect(areas.body.map((a) => a.name)).toEqual(['Centrum', 'Kärrgruvan', 'Olovsbo', 'Åsen']);
    expect(areas.body.find((a) => a.name === 'Centrum')?.placeCount).toBe(5);
    const places = await clients.reporter!.get<{ name: string; areaName: string | null }[]>('/api/places');
    expect(places.body.find((p) => p.name === 'Frida Hansdotter Arena')?.areaName).toBe('Centrum');
    expect(places.body.find((p) => p.name === 'Åsens torg')?.areaName).toBe('Åsen');
  });

  it('draws the demo week’s incident at the arena, in Centrum, for those who read the internal lägesbild', async () => {
    for (const role of ['coordinator', 'reviewer', 'est_member']) {
      const answer = await clients[role]!.get('/api/map/incidents?from=2024-W48&to=2024-W48');
      expect({ role, status: answer.status }).toEqual({ role, status: 200 });
      expect(answer.body.type).toBe('FeatureCollection');
      expect(answer.body.features).toHaveLength(1);
      expect(answer.body.features[0].properties).toMatchObject({
        period: '2024-W48',
        organisationId: 'nvk',
        organisationName: 'NVK',
        category: 'skadegorelse',
        categoryLabel: 'Skadegörelse',
        severity: 2,
        placeName: 'Frida Hansdotter Arena',
        areaName: 'Centrum',
      });
      expect(answer.body.features[0].geometry).toEqual({ type: 'Point', coordinates: [15.9312, 60.0652] });
      expect(JSON.stringify(answer.body)).not.toContain('handfat');
    }
    for (const role of ['reporter', 'admin']) {
      const answer = await clients[role]!.get('/api/map/incidents?from=2024-W48&to=2024-W48');
      expect({ role, status: answer.status }).toEqual({ role, status: 403 });
    }
  });

  it('sums each place for the hot-spot layer', async () => {
    const answer = await clients.coordinator!.get('/api/map/places?from=2024-W40&to=2024-W52');
    expect(answer.status).toBe(200);
    const arena = answer.body.features.find(
      (f: { properties: { placeName: string } }) => f.properties.placeName === 'Frida Hansdotter Arena',
    );
    expect(arena.properties).toMatchObject({ count: 1, severitySum: 2, maxSeverity: 2, areaName: 'Centrum' });
    expect(answer.body.features.length).toBeGreaterThanOrEqual(8);
  });

  const square = (west: number, south: number, size = 0.01) => ({
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

  it('draws the demo once: a second run (a second start) adds nothing', async () => {
    const before = await clients.coordinator!.get<Area[]>('/api/areas');
    const placesBefore = await clients.coordinator!.get('/api/places?retired=true');
    const coordinator = await app.app.get(UsersReadModel).byUsername('samordnare');
    await app.app.get(MapDemo).draw(demoCoordinator(coordinator!.id));
    expect((await clients.coordinator!.get<Area[]>('/api/areas')).body).toEqual(before.body);
    expect((await clients.coordinator!.get('/api/places?retired=true')).body).toEqual(placesBefore.body);
  });

  it('answers the publication’s OpenMapAreasQuery: the areas in force and which area each place lies in', async () => {
    const answer = await app.app.get(QueryBus).execute(new OpenMapAreasQuery());
    const places = (
      await clients.coordinator!.get<{ id: string; name: string; areaId: string | null }[]>('/api/places')
    ).body;
    expect(answer.areas.map((a) => a.name)).toEqual(['Centrum', 'Kärrgruvan', 'Olovsbo', 'Åsen']);
    expect(answer.areas[0]!.geometry.type).toBe('Polygon');
    const arena = places.find((p) => p.name === 'Frida Hansdotter Arena')!;
    expect(answer.placeAreas[arena.id]).toBe(answer.areas[0]!.id);
    expect(Object.getPrototypeOf(answer.placeAreas)).toBeNull();
    for (const place of places) expect(answer.placeAreas[place.id] ?? null).toBe(place.areaId);
  });

  it('the coordinator defines, renames, redraws and removes an area, If-Match guarding each change', async () => {
    const coordinator = clients.coordinator!;
    const created = await coordinator.post<Area>('/api/areas', {
      name: '  Norra skogen ',
      geometry: square(15.7, 60.2),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Norra skogen', placeCount: 0 });
    const again = await coordinator.post('/api/areas', {
      name: 'norra SKOGEN',
      geometry: square(15.6, 60.2),
    });
    expect(again.status).toBe(409);
    const got = await clients.est_member!.get<Area>(`/api/areas/${created.body.id}`);
    expect(got.body).toEqual(created.body);
    const stale = await coordinator.patch(
      `/api/areas/${created.body.id}`,
      { name: 'Skogen' },
      { 'if-match': String(created.body.version - 1) },
    );
    expect(stale.status).toBe(409);
    const renamed = await coordinator.patch<Area>(
      `/api/areas/${created.body.id}`,
      { name: 'Skogen', geometry: square(15.7, 60.2, 0.02) },
      { 'if-match': String(created.body.version) },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Skogen');
    expect(
      (
        await coordinator.delete(`/api/areas/${created.body.id}`, undefined, {
          'if-match': String(created.body.version),
        })
      ).status,
    ).toBe(409);
    const removed = await coordinator.delete(`/api/areas/${created.body.id}`, undefined, {
      'if-match': String(renamed.body.version),
    });
    expect(removed.status).toBe(200);
    expect((await coordinator.get(`/api/areas/${created.body.id}`)).status).toBe(404);
    expect((await coordinator.delete(`/api/areas/${created.body.id}`)).status).toBe(404);
  });

  it('imports a FeatureCollection: new names defined, a known name redrawn, broken features refused with their reason', async () => {
    const answer = await clients.coordinator!.post('/api/areas/import', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { namn: 'Kalvudden' }, geometry: square(15.8, 60.15) },
        { type: 'Feature', properties: { name: 'Olovsbo' }, geometry: square(15.87, 60.045, 0.04) },
        {
          type: 'Feature',
          properties: { name: 'Öppen ring' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [15, 60],
                [16, 60],
                [16, 61],
                [15, 60.5],
              ],
            ],
          },
        },
        { type: 'Feature', properties: {}, geometry: square(15.5, 60.15) },
        { type: 'Feature', properties: { name: 'Sweref' }, geometry: square(560000, 6660000, 100) },
        { type: 'Feature', properties: { name: 'kalvudden' }, geometry: square(15.9, 60.15) },
        'not a feature',
      ],
    });
    expect(answer.status).toBe(200);
    const outcomes = answer.body.results.map((r: { outcome: string }) => r.outcome);
    const redo = await clients.coordinator!.post('/api/areas/import', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { namn: 'Kalvudden' }, geometry: square(15.8, 60.15) }],
    });
    expect(redo.body.results[0]).toMatchObject({
      outcome: 'unchanged',
      areaId: answer.body.results[0].areaId,
    });
    expect(outcomes).toEqual(['created', 'redrawn', 'refused', 'refused', 'refused', 'refused', 'refused']);
    expect(answer.body.results[2].reason).toMatch(/features\.2\.geometry\.coordinates\.0: .*sluten/);
    expect(answer.body.results[3].reason).toMatch(/features\.3\.properties\.name/);
    expect(answer.body.results[4].reason).toMatch(/Longitud/);
    expect(answer.body.results[5].reason).toMatch(/objekt 0/);
    const areas = await clients.coordinator!.get<Area[]>('/api/areas');
    expect(areas.body.map((a) => a.name)).toContain('Kalvudden');
    // Redrawn bigger, Olovsbo now also holds places it did not before? Its badplats still lies in it.
    expect(areas.body.find((a) => a.name === 'Olovsbo')?.placeCount).toBeGreaterThanOrEqual(1);
  });

  it('groups the trends by area; incidents at no place of an area under utan-omrade', async () => {
    const areas = await clients.coordinator!.get<Area[]>('/api/areas');
    const centrum = areas.body.find((a) => a.name === 'Centrum')!;
    const answer = await clients.est_member!.get(
      '/api/analysis/trends?from=2024-W47&to=2024-W48&groupBy=area',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.groupBy).toBe('area');
    expect(answer.body.series).toEqual([{ key: centrum.id, label: 'Centrum', values: [null, 1] }]);
    const severity = await clients.reviewer!.get(
      '/api/analysis/trends?from=2024-W48&to=2024-W48&groupBy=area&measure=severity',
    );
    expect(severity.body.series).toEqual([{ key: centrum.id, label: 'Centrum', values: [2] }]);
    expect(
      (await clients.reporter!.get('/api/analysis/trends?from=2024-W48&to=2024-W48&groupBy=area')).status,
    ).toBe(403);
  });

  it('lets every login read the areas and only the coordinator change them', async () => {
    const anonymous = await fetch(`${app.url}/api/areas`);
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${app.url}/api/map/settings`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/map/incidents?from=2024-W48&to=2024-W48`)).status).toBe(401);
    const [first] = (await clients.coordinator!.get<Area[]>('/api/areas')).body;
    for (const role of ['reviewer', 'est_member', 'reporter', 'admin']) {
      const client = clients[role]!;
      expect({ role, status: (await client.get('/api/areas')).status }).toEqual({ role, status: 200 });
      expect({ role, status: (await client.get(`/api/areas/${first!.id}`)).status }).toEqual({
        role,
        status: 200,
      });
      const changes = [
        await client.post('/api/areas', { name: `Av ${role}`, geometry: square(15.1, 60.1) }),
        await client.patch(`/api/areas/${first!.id}`, { name: `Av ${role}` }),
        await client.delete(`/api/areas/${first!.id}`),
        await client.post('/api/areas/import', { type: 'FeatureCollection', features: [] }),
      ];
      expect({ role, statuses: changes.map((c) => c.status) }).toEqual({
        role,
        statuses: [403, 403, 403, 403],
      });
    }
    expect((await clients.coordinator!.get(`/api/areas/${first!.id}`)).body.name).toBe(first!.name);
  });

  it('refuses bad and hostile areas with a 400 naming the field, never a 500', async () => {
    const coordinator = clients.coordinator!;
    const cases: [unknown, string][] = [
      [{ name: '', geometry: square(15, 60) }, 'name'],
      [{ name: ' '.repeat(5), geometry: square(15, 60) }, 'name'],
      [{ name: 'a\ud800b', geometry: square(15, 60) }, 'name'],
      [{ name: 'a\u0000b', geometry: square(15, 60) }, 'name'],
      [{ name: 'a\uffffb', geometry: square(15, 60) }, 'name'],
      [{ name: 'x'.repeat(101), geometry: square(15, 60) }, 'name'],
      [{ name: 'Ok' }, 'geometry'],
      [{ name: 'Ok', geometry: { type: 'Point', coordinates: [15, 60] } }, 'geometry'],
      [{ name: 'Ok', geometry: { type: 'Polygon', coordinates: [] } }, 'geometry'],
      [
        {
          name: 'Ok',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [15, 60],
                [16, 60],
                [15, 60],
              ],
            ],
          },
        },
        'coordinates',
      ],
      [
        {
          name: 'Ok',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [15, 60],
                [16, 60],
                [16, 61],
                [15, 60.1],
              ],
            ],
          },
        },
        'coordinates',
      ],
      [
        {
          name: 'Ok',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [15, 60],
                [15, 60],
                [16, 61],
                [15, 60],
              ],
            ],
          },
        },
        'coordinates',
      ],
      [
        {
          name: 'Ok',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [15, 91],
                [16, 60],
                [16, 61],
                [15, 91],
              ],
            ],
          },
        },
        'coordinates',
      ],
      [
        {
          name: 'Ok',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [181, 60],
                [16, 60],
                [16, 61],
                [181, 60],
              ],
            ],
          },
        },
        'coordinates',
      ],
      [
        {
          name: 'Ok',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                ['15', 60],
                [16, 60],
                [16, 61],
                ['15', 60],
              ],
            ],
          },
        },
        'coordinates',
      ],
      [{ name: 'Ok', geometry: { type: 'MultiPolygon', coordinates: [[]] } }, 'coordinates'],
      [{ name: 'Ok', geometry: { type: 'Polygon', coordinates: [[]] } }, 'coordinates'],
      [{ name: 'Ok', geometry: { type: 'MultiPolygon', coordinates: [[[]]] } }, 'coordinates'],
      [`{"name":"Ok","geometry":${JSON.stringify(square(15, 60))},"__proto__":{"x":1}}`, 'body'],
      [{ name: 'Ok', geometry: square(15, 60), extra: 1 }, 'extra'],
      [
        {
          name: 'Ok',
          geometry: {
            type: 'Polygon',
            coordinates: [
              Array.from({ length: 20_001 }, (_, i) =>
                i === 0 || i === 20_000 ? [15, 60] : [15 + i / 1e5, 60 + (i % 2) / 1e3],
              ),
            ],
          },
        },
        'coordinates',
      ],
      ['not an object', 'body'],
    ];
    for (const [body, field] of cases) {
      const answer = await coordinator.post('/api/areas', body);
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
    for (const id of ['__proto__', 'constructor', 'nope']) {
      expect((await coordinator.get(`/api/areas/${id}`)).status).toBe(404);
      expect((await coordinator.patch(`/api/areas/${id}`, { name: 'X' })).status).toBe(404);
      expect((await coordinator.delete(`/api/areas/${id}`)).status).toBe(404);
    }
    const badImports: [unknown, string][] = [
      [{ type: 'Feature', features: [] }, 'type'],
      [{ type: 'FeatureCollection' }, 'features'],
      [{ type: 'FeatureCollection', features: Array.from({ length: 501 }, () => null) }, 'features'],
    ];
    for (const [body, field] of badImports) {
      const answer = await coordinator.post('/api/areas/import', body);
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
    const hostile = await coordinator.post('/api/areas/import', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'a\ud800' }, geometry: square(15, 60) },
        { type: 'Feature', properties: { __proto__: 'x', constructor: 1 }, geometry: square(15, 60) },
        { type: 'Feature', properties: null, geometry: square(15, 60) },
        null,
      ],
    });
    expect(hostile.status).toBe(200);
    expect(hostile.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    expect(hostile.body.results[0].name).toBeNull();
    const queries = [
      'from=2024-W48',
      'to=2024-W48',
      'from=2024-W50&to=2024-W48',
      'from=2024-W48&to=2024-W48&category=%00',
      'from=2024-W48&to=2024-W48&organisationId=__proto__%20',
      'from=2024-W48&to=2024-W48&x=1',
      'from=1900-W01&to=2100-W01',
    ];
    for (const query of queries) {
      for (const path of ['/api/map/incidents', '/api/map/places']) {
        const answer = await coordinator.get(`${path}?${query}`);
        expect({ path, query, status: answer.status }).toEqual({ path, query, status: 400 });
      }
    }
  });

  it('answers the map settings to every login', async () => {
    const answer = await clients.reporter!.get('/api/map/settings');
    expect(answer.body).toEqual({ styleUrl: null, minCount: 3 });
  });
});
