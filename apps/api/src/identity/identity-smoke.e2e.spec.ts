import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client } from './test/http-client.js';

describeWith(['postgres'], 'identity smoke', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres' });
  });
  afterAll(() => app?.close());

  it('admin logs in, must change the password, then creates an organisation and a user', async () => {
    const admin = new Client(app.url);
    expect((await admin.get('/api/auth/me')).status).toBe(401);
    const login = await admin.login('admin', 'test-admin-password-1');
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ username: 'admin', mustChangePassword: true });
    expect((await admin.get('/api/organisations')).status).toBe(403);
    const changed = await admin.post('/api/auth/password', {
      currentPassword: 'test-admin-password-1',
      newPassword: 'Ekorre-Kaffe-Gruva-91',
    });
    expect(changed.status).toBe(204);
    const org = await admin.post('/api/organisations', { name: 'Skolan', kind: 'school' });
    expect(org.status).toBe(201);
    const user = await admin.post('/api/users', {
      username: 'anna',
      displayName: 'Anna',
      organisationId: org.body.id,
      roles: ['reporter'],
    });
    expect(user.status).toBe(201);
    expect(user.body.oneTimePassword).toEqual(expect.any(String));
    const list = await admin.get('/api/users');
    expect(list.headers.get('x-total-count')).toBe('2');
  });
});
