/**
 * The few direct API calls a browser journey needs to set the scene (another organisation's
 * report, a coordinator login), made the way any integrator would: cookie session plus CSRF.
 */
export class Session {
  constructor(
    readonly url: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async expect<T = unknown>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status !== status)
      throw new Error(
        `${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    return answer.body;
  }
}

export async function logIn(url: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const me = await fetch(`${url}/api/auth/me`, { headers: { cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return new Session(url, cookie, csrfToken);
}

/** A login whose one-time password has already been replaced by `password`. */
export async function createLogin(
  admin: Session,
  user: { username: string; displayName: string; organisationId: string | null; roles: string[] },
  password: string,
): Promise<{ id: string; session: Session }> {
  const created = await admin.expect<{ id: string; oneTimePassword: string }>(
    201,
    'POST',
    '/api/users',
    user,
  );
  const first = await logIn(admin.url, user.username, created.oneTimePassword);
  await first.expect(204, 'POST', '/api/auth/password', {
    currentPassword: created.oneTimePassword,
    newPassword: password,
  });
  return { id: created.id, session: await logIn(admin.url, user.username, password) };
}
