/* eslint-disable @typescript-eslint/no-explicit-any -- test answers are JSON of many shapes; the tests assert on them */
/**
 * A tiny cookie-keeping HTTP client for the identity e2e tests: one per person, like a browser
 * (session cookie, CSRF token from /api/auth/me) or an integration (Bearer token).
 */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const all: Record<string, string> = { ...headers };
    if (body !== undefined) all['content-type'] ??= 'application/json';
    if (this.cookie) all.cookie = this.cookie;
    if (this.csrf && !('x-csrf-token' in all)) all['x-csrf-token'] = this.csrf;
    if (this.bearer) all.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: all,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value.endsWith('=') ? null : value;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, body ?? {}, headers);
  patch = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('PATCH', path, body ?? {}, headers);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  /** Logs in and picks up the CSRF token; returns the login answer. */
  async login(username: string, password: string): Promise<Answer<any>> {
    this.cookie = null;
    this.csrf = null;
    const answer = await this.post('/api/auth/login', { username, password });
    if (answer.status === 200) this.csrf = (answer.body as { csrfToken: string }).csrfToken;
    return answer;
  }
}
