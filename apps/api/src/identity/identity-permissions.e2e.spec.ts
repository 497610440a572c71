import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, type Answer } from './test/http-client.js';
import { adminClient, createOrganisation, createPerson, type Person } from './test/people.js';

/**
 * Every role × action × subject that the identity module owns, over HTTP on PostgreSQL, for the
 * caller's own organisation (or own login) and another one. Besides the status code, every answer
 * is checked for what must never leak: password hashes, other people's one-time passwords, and
 * records or totals the caller may not see.
 */
type Persona = 'anonymous' | 'admin' | 'coordinator' | 'reviewer' | 'est_member' | 'reporter';
const PERSONAS: Persona[] = ['anonymous', 'admin', 'coordinator', 'reviewer', 'est_member', 'reporter'];

interface World {
  ownOrg: string;
  otherOrg: string;
  people: Record<Exclude<Persona, 'anonymous'>, Person>;
  colleague: Person;
  stranger: Person;
  otherAdmin: Person;
  strangerTokenId: string;
  secrets: string[];
}

interface Row {
  name: string;
  request: (world: World, me: Persona) => [method: string, path: string, body?: unknown];
  /** Expected status per persona, in PERSONAS order. */
  expect: [number, number, number, number, number, number];
  /** Further checks on a successful answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes
  check?: (answer: Answer<any>, world: World, me: Persona) => void;
}

const selfId = (world: World, me: Persona) => (me === 'anonymous' ? 'nobody' : world.people[me].id);
const seesEveryone = (me: Persona) => me === 'admin' || me === 'coordinator';

const MATRIX: Row[] = [
  // Organisation
  {
    name: 'list organisations',
    request: () => ['GET', '/api/organisations'],
    expect: [401, 200, 200, 200, 200, 200],
    check: (a) => expect(a.headers.get('x-total-count')).toBe(String(a.body.length)),
  },
  {
    name: 'read own organisation',
    request: (w) => ['GET', `/api/organisations/${w.ownOrg}`],
    expect: [401, 200, 200, 200, 200, 200],
  },
  {
    name: 'read another organisation',
    request: (w) => ['GET', `/api/organisations/${w.otherOrg}`],
    expect: [401, 200, 200, 200, 200, 200],
  },
  {
    name: 'create an organisation',
    request: (_w, me) => ['POST', '/api/organisations', { name: `Ny ${me}`, kind: 'other' }],
    expect: [401, 201, 403, 403, 403, 403],
  },
  {
    name: 'change own organisation',
    request: (w) => ['PATCH', `/api/organisations/${w.ownOrg}`, { name: 'Skolan' }],
    expect: [401, 200, 403, 403, 403, 403],
  },
  {
    name: 'change another organisation',
    request: (w) => ['PATCH', `/api/organisations/${w.otherOrg}`, { kind: 'municipal_company' }],
    expect: [401, 200, 403, 403, 403, 403],
  },
  // User
  {
    name: 'list users',
    request: () => ['GET', '/api/users?perPage=500'],
    expect: [401, 200, 200, 200, 200, 200],
    check: (a, w, me) => {
      expect(a.headers.get('x-total-count')).toBe(String(a.body.length));
      if (!seesEveryone(me)) expect(a.body.map((u: { id: string }) => u.id)).toEqual([selfId(w, me)]);
      else expect(a.body.length).toBeGreaterThanOrEqual(8);
    },
  },
  {
    name: 'list users of another organisation',
    request: (w) => ['GET', `/api/users?organisationId=${w.otherOrg}`],
    expect: [401, 200, 200, 200, 200, 200],
    check: (a, _w, me) => {
      expect(a.headers.get('x-total-count')).toBe(seesEveryone(me) ? '1' : '0');
      expect(a.body).toHaveLength(seesEveryone(me) ? 1 : 0);
    },
  },
  {
    name: 'read own login',
    request: (w, me) => ['GET', `/api/users/${selfId(w, me)}`],
    expect: [401, 200, 200, 200, 200, 200],
  },
  {
    name: 'read a colleague (own organisation)',
    request: (w) => ['GET', `/api/users/${w.colleague.id}`],
    expect: [401, 200, 200, 404, 404, 404],
  },
  {
    name: 'read a stranger (other organisation)',
    request: (w) => ['GET', `/api/users/${w.stranger.id}`],
    expect: [401, 200, 200, 404, 404, 404],
  },
  {
    name: 'create a user',
    request: (w, me) => [
      'POST',
      '/api/users',
      { username: `ny-${me}`, displayName: 'Ny', organisationId: w.ownOrg, roles: ['reporter'] },
    ],
    expect: [401, 201, 403, 403, 403, 403],
    check: (a) => expect(a.body.oneTimePassword).toEqual(expect.any(String)),
  },
  {
    name: 'change a colleague',
    request: (w) => ['PATCH', `/api/users/${w.colleague.id}`, { displayName: 'Kollegan' }],
    expect: [401, 200, 403, 404, 404, 404],
  },
  {
    name: 'change a stranger',
    request: (w) => ['PATCH', `/api/users/${w.stranger.id}`, { displayName: 'Främlingen' }],
    expect: [401, 200, 403, 404, 404, 404],
  },
  {
    name: 'change own roles',
    request: (w, me) => [
      'PATCH',
      `/api/users/${selfId(w, me)}`,
      {
        roles: ['admin', 'coordinator', 'reviewer', 'est_member', 'reporter'].filter(
          (r) => r === me || r === 'admin',
        ),
      },
    ],
    expect: [401, 200, 403, 403, 403, 403],
  },
  {
    name: 'reset a colleague’s password',
    request: (w) => ['POST', `/api/users/${w.colleague.id}/reset-password`],
    expect: [401, 200, 200, 404, 404, 404],
    check: (a) => expect(a.body.oneTimePassword).toEqual(expect.any(String)),
  },
  {
    name: 'reset a stranger’s password',
    request: (w) => ['POST', `/api/users/${w.stranger.id}/reset-password`],
    expect: [401, 200, 200, 404, 404, 404],
  },
  {
    name: 'reset an admin’s password',
    request: (w) => ['POST', `/api/users/${w.otherAdmin.id}/reset-password`],
    expect: [401, 200, 403, 404, 404, 404],
  },
  // ApiToken
  {
    name: 'issue an own token',
    request: (_w, me) => ['POST', '/api/auth/tokens', { name: `token ${me}` }],
    expect: [401, 201, 201, 201, 201, 201],
    check: (a) => expect(a.body.token).toMatch(/^laget_/),
  },
  {
    name: 'list tokens',
    request: () => ['GET', '/api/auth/tokens'],
    expect: [401, 200, 200, 200, 200, 200],
    check: (a, w, me) => {
      expect(a.headers.get('x-total-count')).toBe(String(a.body.length));
      for (const token of a.body) expect(token).not.toHaveProperty('token');
      if (me !== 'admin') for (const token of a.body) expect(token.ownerId).toBe(selfId(w, me));
      else expect(a.body.map((t: { id: string }) => t.id)).toContain(w.strangerTokenId);
    },
  },
  {
    name: 'revoke a stranger’s token',
    request: (w) => ['DELETE', `/api/auth/tokens/${w.strangerTokenId}`],
    expect: [401, 204, 404, 404, 404, 404],
  },
  // Session
  {
    name: 'who am I',
    request: () => ['GET', '/api/auth/me'],
    expect: [401, 200, 200, 200, 200, 200],
    check: (a, w, me) => {
      expect(a.body).toMatchObject({
        id: selfId(w, me),
        mustChangePassword: false,
        csrfToken: expect.any(String),
      });
      expect(Array.isArray(a.body.rules)).toBe(true);
    },
  },
];

describeWith(['postgres'], 'identity permissions over HTTP (role × action × subject)', () => {
  let app: TestApp;
  let world: World;
  const clients = {} as Record<Persona, Client>;

  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres' });
    const admin = await adminClient(app.url);
    const ownOrg = await createOrganisation(admin, 'Skolan', 'school');
    const otherOrg = await createOrganisation(admin, 'NVK', 'municipal_company');
    const people = {
      admin: await createPerson(app.url, admin, 'admin-person', null, ['admin']),
      coordinator: await createPerson(app.url, admin, 'samordnare', ownOrg, ['coordinator']),
      reviewer: await createPerson(app.url, admin, 'granskare', ownOrg, ['reviewer']),
      est_member: await createPerson(app.url, admin, 'est', ownOrg, ['est_member']),
      reporter: await createPerson(app.url, admin, 'rapportor', ownOrg, ['reporter']),
    };
    const colleague = await createPerson(app.url, admin, 'kollega', ownOrg, ['reporter']);
    const stranger = await createPerson(app.url, admin, 'framling', otherOrg, ['reporter']);
    const otherAdmin = await createPerson(app.url, admin, 'admin-tva', null, ['admin']);
    const token = await stranger.client.post('/api/auth/tokens', { name: 'främlingens integration' });
    const everyone = [...Object.values(people), colleague, stranger, otherAdmin];
    world = {
      ownOrg,
      otherOrg,
      people,
      colleague,
      stranger,
      otherAdmin,
      strangerTokenId: token.body.id,
      secrets: [...everyone.flatMap((p) => [p.password]), token.body.token],
    };
    clients.anonymous = new Client(app.url);
    for (const persona of PERSONAS.slice(1) as Exclude<Persona, 'anonymous'>[])
      clients[persona] = people[persona].client;
  }, 120_000);
  afterAll(() => app?.close());

  const cases = MATRIX.flatMap((row) =>
    PERSONAS.map((persona, index) => ({ row, persona, status: row.expect[index]! })),
  );
  it.each(cases.map((c) => [`${c.persona}: ${c.row.name} → ${c.status}`, c] as const))(
    '%s',
    async (_name, { row, persona, status }) => {
      const [method, path, body] = row.request(world, persona);
      const answer = await clients[persona].request(
        method,
        path,
        body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}),
      );
      expect({ status: answer.status, body: answer.status === status ? 'as expected' : answer.body }).toEqual(
        { status, body: 'as expected' },
      );
      for (const secret of world.secrets) expect(answer.text).not.toContain(secret);
      expect(answer.text).not.toMatch(/argon2|password_?hash|token_?hash/i);
      if (answer.status < 300 && row.check) row.check(answer, world, persona);
      if (answer.status >= 400)
        expect(answer.body).toMatchObject({
          statusCode: status,
          error: expect.any(String),
          message: expect.any(String),
        });
    },
  );
});
