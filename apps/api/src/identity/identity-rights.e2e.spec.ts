import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import { Client } from './test/http-client.js';
import {
  ADMIN_NEW_PASSWORD,
  adminClient,
  createOrganisation,
  createPerson,
  type Person,
} from './test/people.js';

const MINUTE = 60_000;
const PERIOD = '2024-W48';

/**
 * Issue 13, "rights that outlive their reason": each right ends with the reason it was given for.
 * On both read stores, since sessions, tokens and lockouts are read there on every request.
 */
for (const store of ['postgres', 'pglite'] as const)
  describeWith(
    store === 'postgres' ? ['postgres'] : [],
    `rights end with their reason (issue 13, ${store})`,
    () => {
      let app: TestApp;
      let admin: Client;
      let orgId: string;
      const clock = new FixedClock(new Date('2024-11-27T09:00:00Z'));
      let counter = 0;

      const person = async (roles: string[] = ['reporter'], organisationId: string | null = orgId) => {
        const login = await admin.login('admin', ADMIN_NEW_PASSWORD);
        if (login.status !== 200) throw new Error(`admin login ${login.status} ${login.text}`);
        return createPerson(app.url, admin, `rights-${++counter}`, organisationId, roles);
      };
      const tokenOf = async (someone: Person) => {
        const issued = await someone.client.post('/api/auth/tokens', { name: 'integration' });
        expect(issued.status).toBe(201);
        const integration = new Client(app.url);
        integration.bearer = issued.body.token;
        expect((await integration.get('/api/auth/me')).status).toBe(200);
        return integration;
      };

      beforeAll(async () => {
        app = await startTestApp({ store, clock });
        admin = await adminClient(app.url);
        orgId = await createOrganisation(admin, 'Fritidsgården', 'other');
      }, 120_000);
      afterAll(() => app?.close());

      describe('API tokens', () => {
        it('a token stops working when its owner changes the password', async () => {
          const anna = await person();
          const integration = await tokenOf(anna);
          const changed = await anna.client.post('/api/auth/password', {
            currentPassword: anna.password,
            newPassword: 'Ny-Sommarstuga-Granit-73',
          });
          expect(changed.status).toBe(204);
          expect((await integration.get('/api/auth/me')).status).toBe(401);
          expect((await anna.client.get('/api/auth/tokens')).body[0].revoked).toBe(true);
        });

        it('a token stops working when an admin resets its owner’s password', async () => {
          const bertil = await person();
          const integration = await tokenOf(bertil);
          expect((await admin.post(`/api/users/${bertil.id}/reset-password`)).status).toBe(200);
          expect((await integration.get('/api/auth/me')).status).toBe(401);
        });

        it('a token stops working when its owner is deactivated', async () => {
          const cecilia = await person();
          const integration = await tokenOf(cecilia);
          expect((await admin.patch(`/api/users/${cecilia.id}`, { active: false })).status).toBe(200);
          expect((await integration.get('/api/auth/me')).status).toBe(401);
        });

        it('a token cannot mint tokens (403); a session can', async () => {
          const david = await person();
          const integration = await tokenOf(david);
          const minted = await integration.post('/api/auth/tokens', { name: 'barnbarn' });
          expect(minted.status).toBe(403);
          expect(minted.body.message).toMatch(/session/);
          expect((await david.client.get('/api/auth/tokens')).body).toHaveLength(1);
        });
      });

      describe('a deactivated organisation', () => {
        it('its logins cannot log in (401, in Swedish), and their sessions and tokens stop working', async () => {
          const closing = await createOrganisation(admin, 'Nedlagda föreningen', 'other');
          const erik = await person(['reporter'], closing);
          const integration = await tokenOf(erik);
          expect((await admin.patch(`/api/organisations/${closing}`, { active: false })).status).toBe(200);

          expect((await erik.client.get('/api/auth/me')).status).toBe(401);
          expect((await integration.get('/api/auth/me')).status).toBe(401);
          const login = await new Client(app.url).login(erik.username, erik.password);
          expect(login.status).toBe(401);
          expect(login.body.message).toContain('Din organisation är inaktiverad');
          expect(login.body.message).toContain('your organisation is deactivated');
          // The wrong password still gets the plain answer: the message tells only who knows the password.
          const wrong = await new Client(app.url).login(erik.username, 'inte-lösenordet-alls');
          expect(wrong.status).toBe(401);
          expect(wrong.body.message).not.toContain('organisation');

          // Reactivated, the login works again; its old token stays revoked.
          expect((await admin.patch(`/api/organisations/${closing}`, { active: true })).status).toBe(200);
          expect((await erik.client.login(erik.username, erik.password)).status).toBe(200);
          expect((await integration.get('/api/auth/me')).status).toBe(401);
        });

        it('no login can be created in it or moved into it', async () => {
          const closed = await createOrganisation(admin, 'Stängda klubben', 'other');
          expect((await admin.patch(`/api/organisations/${closed}`, { active: false })).status).toBe(200);
          const created = await admin.post('/api/users', {
            username: 'ny-i-stangd',
            displayName: 'Ny Person',
            organisationId: closed,
            roles: ['reporter'],
          });
          expect(created.status).toBe(422);
          expect(created.body.message).toContain('inaktiverad');
          const frida = await person();
          const moved = await admin.patch(`/api/users/${frida.id}`, { organisationId: closed });
          expect(moved.status).toBe(422);
          expect(moved.body.details).toMatchObject({ field: 'organisationId' });
        });

        it('its reports are refused: its reporter cannot open one, the coordinator can neither open nor change one', async () => {
          const closing = await createOrganisation(admin, 'Kyrkans ungdom', 'other');
          const gustav = await person(['reporter'], closing);
          const coordinator = await person(['coordinator'], null);
          const opened = await coordinator.client.post('/api/reports', {
            period: PERIOD,
            organisationId: closing,
          });
          expect(opened.status).toBe(201);
          expect((await admin.patch(`/api/organisations/${closing}`, { active: false })).status).toBe(200);

          expect(
            (await gustav.client.post('/api/reports', { period: PERIOD, organisationId: closing })).status,
          ).toBe(401);
          const edited = await coordinator.client.patch(`/api/reports/${opened.body.id}`, {
            narrative: 'Lugnt.',
          });
          expect(edited.status).toBe(422);
          expect(edited.body.message).toContain('inaktiverad');
          expect((await coordinator.client.post(`/api/reports/${opened.body.id}/submit`)).status).toBe(422);

          const other = await createOrganisation(admin, 'Nattvandrarna i Kärrgruvan', 'other');
          expect((await admin.patch(`/api/organisations/${other}`, { active: false })).status).toBe(200);
          const openedForClosed = await coordinator.client.post('/api/reports', {
            period: PERIOD,
            organisationId: other,
          });
          expect(openedForClosed.status).toBe(422);
          expect(openedForClosed.body.message).toContain('inaktiverad');
        });
      });

      describe('changing the own password', () => {
        it('wrong current passwords count toward the lockout: the sixth answers 429, and so does the login', async () => {
          const hanna = await person();
          for (let i = 0; i < 5; i++) {
            const wrong = await hanna.client.post('/api/auth/password', {
              currentPassword: `gissning-nummer-${i}`,
              newPassword: 'Ny-Sommarstuga-Granit-73',
            });
            expect(wrong.status).toBe(400);
          }
          const sixth = await hanna.client.post('/api/auth/password', {
            currentPassword: hanna.password,
            newPassword: 'Ny-Sommarstuga-Granit-73',
          });
          expect(sixth.status).toBe(429);
          expect((await new Client(app.url).login(hanna.username, hanna.password)).status).toBe(429);
          clock.advance(16 * MINUTE);
        });

        it.each([
          ['laget2024laget', /Läget, kommunens namn/],
          ['Norbergs-kommun-2024', /Läget, kommunens namn/],
          ['password1234', /för vanligt/],
        ])('refuses %j with Swedish feedback (400)', async (newPassword, feedback) => {
          const ivar = await person();
          const weak = await ivar.client.post('/api/auth/password', {
            currentPassword: ivar.password,
            newPassword,
          });
          expect(weak.status).toBe(400);
          expect(weak.body.details[0].field).toBe('body.newPassword');
          expect(weak.body.details.map((detail: { message: string }) => detail.message).join(' ')).toMatch(
            feedback,
          );
        });

        it('refuses a password that contains the username', async () => {
          const julia = await person();
          const weak = await julia.client.post('/api/auth/password', {
            currentPassword: julia.password,
            newPassword: `Ekorre-Kaffe-${julia.username}-91`,
          });
          expect(weak.status).toBe(400);
          expect(weak.body.details[0].message).toContain('användarnamn');
        });
      });

      describe('browsers on other sites', () => {
        it('a state-changing cookie request from a foreign Origin is refused (403); Läget’s own origin passes', async () => {
          const karl = await person();
          const body = { name: 'från webbläsaren' };
          const foreign = await karl.client.post('/api/auth/tokens', body, {
            origin: 'https://evil.example',
          });
          expect(foreign.status).toBe(403);
          expect(foreign.body.message).toContain('annan webbplats');
          expect((await karl.client.post('/api/auth/tokens', body, { origin: 'null' })).status).toBe(403);
          expect((await karl.client.post('/api/auth/tokens', body, { origin: app.url })).status).toBe(201);
          expect(
            (await karl.client.post('/api/auth/tokens', body, { origin: app.config.publicBaseUrl })).status,
          ).toBe(201);
        });

        it('public pages may be framed by Läget only (no LAGET_PUBLIC_FRAME_ANCESTORS), and no HSTS over http', async () => {
          const page = await fetch(`${app.url}/public/lagesbilder`);
          expect(page.status).toBe(200);
          expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/);
          expect(page.headers.get('content-security-policy')).not.toContain('frame-ancestors *');
          expect(page.headers.get('strict-transport-security')).toBeNull();
          expect((await fetch(`${app.url}/api/auth/me`)).headers.get('strict-transport-security')).toBeNull();
        });
      });
    },
  );

describeWith(['postgres'], 'four eyes, an https address and the municipality’s own site (issue 13)', () => {
  let app: TestApp;
  let admin: Client;
  let orgId: string;
  let counter = 0;
  const person = (roles: string[]) => createPerson(app.url, admin, `four-${++counter}`, orgId, roles);

  beforeAll(async () => {
    app = await startTestApp({
      store: 'postgres',
      clock: new FixedClock(new Date('2024-11-27T09:00:00Z')),
      env: {
        LAGET_FOUR_EYES: '1',
        PUBLIC_BASE_URL: 'https://laget.norberg.example',
        LAGET_PUBLIC_FRAME_ANCESTORS: 'https://www.norberg.example',
      },
    });
    admin = await adminClient(app.url);
    orgId = await createOrganisation(admin, 'Polisen', 'police');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('a coordinator may not reset a reviewer’s or another coordinator’s password (403); an admin may (200)', async () => {
    const coordinator = await person(['coordinator']);
    for (const roles of [['reviewer'], ['coordinator'], ['reporter', 'reviewer']]) {
      const target = await person(roles);
      expect((await coordinator.client.post(`/api/users/${target.id}/reset-password`)).status).toBe(403);
      expect((await admin.post(`/api/users/${target.id}/reset-password`)).status).toBe(200);
    }
    const reporter = await person(['reporter']);
    expect((await coordinator.client.post(`/api/users/${reporter.id}/reset-password`)).status).toBe(200);
  });

  it('public pages may be framed by the municipality’s site; HSTS is sent for an https address', async () => {
    const page = await fetch(`${app.url}/public/lagesbilder`);
    expect(page.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://www.norberg.example",
    );
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('the public address’s origin counts as Läget’s own for state-changing requests', async () => {
    const reporter = await person(['reporter']);
    const body = { name: 'integration' };
    const headers = { origin: 'https://laget.norberg.example' };
    expect((await reporter.client.post('/api/auth/tokens', body, headers)).status).toBe(201);
    expect(
      (await reporter.client.post('/api/auth/tokens', body, { origin: 'https://www.norberg.example' }))
        .status,
    ).toBe(403);
  });
});
