import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { type ApiClient, adminClient, createOrganisation, createUser } from './testing/http-kit.js';

/** The register answers as the contract's lists do: `?q=&sort=&order=&page=&perPage=`, the total in X-Total-Count. */
describeOnStores(['pglite'], 'the place register as a list', (store) => {
  let app: TestApp;
  let coordinator: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ store });
    const admin = await adminClient(app.url);
    const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
    coordinator = (
      await createUser(admin, { username: 'samordnare', organisationId: office, roles: ['coordinator'] })
    ).client;
    for (const [name, kind] of [
      ['Åsens torg', 'square'],
      ['Kärrgruvans skola', 'school'],
      ['Aspen', 'park'],
      ['Frida Hansdotter Arena', 'sports_facility'],
    ] as const)
      expect((await coordinator.post('/api/places', { name, kind })).status).toBe(201);
  }, 120_000);
  afterAll(() => app?.close());

  const names = (body: Array<{ name: string }>) => body.map((place) => place.name);

  it('answers the whole register by name in Swedish order when not paged', async () => {
    const all = await coordinator.get('/api/places');
    expect(all.status).toBe(200);
    expect(names(all.body)).toEqual(['Aspen', 'Frida Hansdotter Arena', 'Kärrgruvans skola', 'Åsens torg']);
    expect(all.headers.get('x-total-count')).toBe('4');
  });

  it('pages, sorts, orders and searches, with the total before paging', async () => {
    const second = await coordinator.get('/api/places?page=2&perPage=3&sort=name&order=ASC');
    expect(names(second.body)).toEqual(['Åsens torg']);
    expect(second.headers.get('x-total-count')).toBe('4');
    const descending = await coordinator.get('/api/places?sort=name&order=DESC&perPage=2');
    expect(names(descending.body)).toEqual(['Åsens torg', 'Kärrgruvans skola']);
    const found = await coordinator.get('/api/places?q=%C3%A5sen');
    expect(names(found.body)).toEqual(['Åsens torg']);
    expect(found.headers.get('x-total-count')).toBe('1');
    // react-admin's default sort field is `id`: ignored (by name), not refused.
    expect((await coordinator.get('/api/places?sort=id&order=ASC')).status).toBe(200);
  });

  it('names the field of a bad paging value or a prototype name as sort, never a 500', async () => {
    const bad = await coordinator.get('/api/places?perPage=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('perPage');
    const proto = await coordinator.get('/api/places?sort=__proto__');
    expect(proto.status).toBe(200);
    expect(names(proto.body)).toHaveLength(4);
    expect((await coordinator.get('/api/places?sort=constructor')).status).toBe(200);
  });
});
