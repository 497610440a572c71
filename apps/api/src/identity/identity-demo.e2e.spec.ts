import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from './first-start.js';
import { Client } from './test/http-client.js';

describeWith(['postgres'], 'first start in demo mode (LAGET_DEMO=1)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres', env: { LAGET_DEMO: '1' } });
  }, 120_000);
  afterAll(() => app?.close());

  it('has the seed’s organisations and a ready login for each reporter, the coordinator, a reviewer and the EST group', async () => {
    const coordinator = new Client(app.url);
    const login = await coordinator.login('samordnare', DEMO_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ roles: ['coordinator'], mustChangePassword: false });
    const organisations = await coordinator.get('/api/organisations?perPage=100');
    expect(organisations.body.map((o: { name: string }) => o.name).sort()).toEqual(
      DEMO_ORGANISATIONS.map((o) => o.name).sort(),
    );
    expect(organisations.body.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining([
        'Polisen',
        'Socialtjänsten',
        'Skolan',
        'NVK',
        'Näringslivet',
        'Kultur & Fritid',
      ]),
    );
    for (const username of [
      'polisen',
      'socialtjansten',
      'skolan',
      'nvk',
      'naringslivet',
      'kultur-fritid',
      'granskare',
      'est',
    ])
      expect({ username, status: (await new Client(app.url).login(username, DEMO_PASSWORD)).status }).toEqual(
        { username, status: 200 },
      );
    const skolan = new Client(app.url);
    await skolan.login('skolan', DEMO_PASSWORD);
    expect((await skolan.get('/api/auth/me')).body).toMatchObject({
      organisationId: 'skolan',
      roles: ['reporter'],
    });
  });

  it('still creates the admin, with a password that must be changed', async () => {
    const admin = new Client(app.url);
    expect((await admin.login('admin', 'test-admin-password-1')).body.mustChangePassword).toBe(true);
  });
});
