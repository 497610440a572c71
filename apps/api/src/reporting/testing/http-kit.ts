import { randomBytes } from 'node:crypto';

/**
 * HTTP helpers for the reporting e2e tests and the benchmark: real logins through the identity
 * endpoints of CONTRACT.md, then Bearer tokens (no cookies or CSRF to carry around).
 */
/** Tests read answers loosely (`answer.body.version`); the assertions are what check their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface HttpAnswer<Body = unknown> {
  status: number;
  body: Body;
  headers: Headers;
}

export class ApiClient {
  constructor(
    readonly url: string,
    private readonly auth: { bearer?: string; cookie?: string; csrf?: string } = {},
  ) {}

  /** The same login against another instance (sessions live in the database). */
  withUrl(url: string): ApiClient {
    return new ApiClient(url, this.auth);
  }

  get bearerToken(): string | undefined {
    return this.auth.bearer;
  }

  async request<Body = Loose>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer<Body>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.auth.bearer ? { authorization: `Bearer ${this.auth.bearer}` } : {}),
        ...(this.auth.cookie ? { cookie: this.auth.cookie } : {}),
        ...(this.auth.csrf ? { 'x-csrf-token': this.auth.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed as Body, headers: response.headers };
  }

  /** A GET whose answer is bytes (a PDF), not text. */
  async bytes(path: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const response = await fetch(`${this.url}${path}`, {
      headers: {
        ...(this.auth.bearer ? { authorization: `Bearer ${this.auth.bearer}` } : {}),
        ...(this.auth.cookie ? { cookie: this.auth.cookie } : {}),
      },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  get = <Body = Loose>(path: string, headers?: Record<string, string>) =>
    this.request<Body>('GET', path, undefined, headers);
  post = <Body = Loose>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<Body>('POST', path, body ?? {}, headers);
  patch = <Body = Loose>(path: string, body: unknown, headers?: Record<string, string>) =>
    this.request<Body>('PATCH', path, body, headers);
  delete = <Body = Loose>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<Body>('DELETE', path, body, headers);
}

function expectStatus(answer: HttpAnswer, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Logs in with a password and returns a cookie session client (with its CSRF token). */
export async function login(url: string, username: string, password: string): Promise<ApiClient> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const me = await new ApiClient(url, { cookie }).get<{ csrfToken: string }>('/api/auth/me');
  expectStatus(me, 200, 'me');
  return new ApiClient(url, { cookie, csrf: me.body.csrfToken });
}

const strongPassword = () => `Lägesbild-${randomBytes(9).toString('base64url')}`;

/** The first-start admin, its one-time password replaced where the login still requires it. */
export async function adminClient(url: string, password = 'test-admin-password-1'): Promise<ApiClient> {
  const admin = await login(url, 'admin', password);
  const me = await admin.get<{ mustChangePassword: boolean }>('/api/auth/me');
  if (!me.body.mustChangePassword) return admin;
  const newPassword = strongPassword();
  const changed = await admin.post('/api/auth/password', { currentPassword: password, newPassword });
  if (changed.status >= 300)
    throw new Error(`admin password: ${changed.status} ${JSON.stringify(changed.body)}`);
  return login(url, 'admin', newPassword);
}

export async function createOrganisation(admin: ApiClient, name: string, kind: string): Promise<string> {
  const created = await admin.post<{ id: string }>('/api/organisations', { name, kind });
  expectStatus(created, 201, `organisation ${name}`);
  return created.body.id;
}

/** A login with roles, its first password changed, and a Bearer token client for it. */
export async function createUser(
  admin: ApiClient,
  user: { username: string; organisationId: string | null; roles: string[] },
): Promise<{ id: string; client: ApiClient }> {
  const created = await admin.post<{ id: string; oneTimePassword: string }>('/api/users', {
    username: user.username,
    displayName: user.username,
    organisationId: user.organisationId,
    roles: user.roles,
  });
  expectStatus(created, 201, `user ${user.username}`);
  const session = await login(admin.url, user.username, created.body.oneTimePassword);
  const password = strongPassword();
  const changed = await session.post('/api/auth/password', {
    currentPassword: created.body.oneTimePassword,
    newPassword: password,
  });
  if (changed.status >= 300)
    throw new Error(`password ${user.username}: ${changed.status} ${JSON.stringify(changed.body)}`);
  const fresh = await login(admin.url, user.username, password);
  const token = await fresh.post<{ token: string }>('/api/auth/tokens', { name: 'test' });
  expectStatus(token, 201, `token ${user.username}`);
  return { id: created.body.id, client: new ApiClient(admin.url, { bearer: token.body.token }) };
}
