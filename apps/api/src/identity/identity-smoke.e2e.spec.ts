import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import type { SqlDatabase } from '@laget/event-store';
import { Projections } from '../platform/projections.service.js';
import { READ_DB } from '../platform/platform.tokens.js';
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
    // A retried create with the same Idempotency-Key is refused (the username is taken) rather than
    // replayed, so the one-time password is never kept in the key store.
    const retry = {
      username: 'bertil',
      displayName: 'Bertil',
      organisationId: org.body.id,
      roles: ['reporter'],
    };
    const first = await admin.post('/api/users', retry, { 'idempotency-key': 'create-bertil' });
    expect(first.status).toBe(201);
    expect((await admin.post('/api/users', retry, { 'idempotency-key': 'create-bertil' })).status).toBe(409);
    const stored = await app.app
      .get<SqlDatabase>(READ_DB)
      .query('SELECT response::text AS r FROM idempotency_keys');
    expect(JSON.stringify(stored.rows)).not.toContain(first.body.oneTimePassword);
    const list = await admin.get('/api/users');
    expect(list.headers.get('x-total-count')).toBe('3');
  });

  it('the read model rebuilt from the event log equals the one the commands wrote', async () => {
    const db = app.app.get<SqlDatabase>(READ_DB);
    const snapshot = async () => ({
      users: (await db.query('SELECT * FROM identity_users ORDER BY id')).rows,
      organisations: (await db.query('SELECT * FROM identity_organisations ORDER BY id')).rows,
    });
    const projections = app.app.get(Projections);
    await projections.waitUntilCaughtUp();
    const before = await snapshot();
    expect(before.users.length).toBeGreaterThan(1);
    await projections.rebuild('identity');
    expect(await snapshot()).toEqual(before);
  });

  it('documents the identity endpoints and their bodies in OpenAPI', async () => {
    type Schema = { properties?: object; $ref?: string };
    const document = (await (await fetch(`${app.url}/api/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
      components: { schemas: Record<string, Schema> };
    };
    for (const path of [
      '/api/auth/login',
      '/api/auth/me',
      '/api/auth/password',
      '/api/auth/tokens',
      '/api/organisations',
      '/api/users',
      '/api/users/{id}/reset-password',
    ])
      expect(Object.keys(document.paths)).toContain(path);
    // The body is a named component (docs/adr/0021): followed to its schema.
    const body = document.paths['/api/auth/login']!.post!.requestBody!.content['application/json']!.schema;
    const login = body.$ref
      ? document.components.schemas[body.$ref.replace('#/components/schemas/', '')]!
      : body;
    expect(body.$ref).toBe('#/components/schemas/LoginRequest');
    expect(Object.keys(login.properties ?? {})).toEqual(['username', 'password']);
  });
});
