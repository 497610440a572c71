import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { ARGON2_OPTIONS } from '../apps/api/src/identity/password-hasher.js';
import { startTestApp } from '../test/support/app.js';
import { percentile, printTable } from './support/table.js';

/**
 * Identity (issue 3): login latency with the chosen argon2id parameters (p50/p99, and an unknown
 * username beside it, which must cost the same), then `GET /api/auth/me` with 50 concurrent
 * sessions against `/health` on the same server in the same run (target: me ≥ 50 % of health).
 * Runs the real app on a fresh PostgreSQL database. LAGET_BENCH_SECONDS sets each autocannon run (default 5).
 */
export async function benchIdentity(): Promise<void> {
  const seconds = Number(process.env.LAGET_BENCH_SECONDS ?? 5);
  const sessions = 50;
  const app = await startTestApp({ store: 'postgres', env: { LOG_LEVEL: 'error' } });
  try {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(app.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { response, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
    };

    // The admin, who creates one login per session (they may call /me before changing their one-time password).
    const adminLogin = await post('/api/auth/login', {
      username: 'admin',
      password: 'test-admin-password-1',
    });
    const adminCookie = adminLogin.response.headers.get('set-cookie')!.split(';')[0]!;
    let csrf = adminLogin.body!.csrfToken as string;
    const adminPassword = 'Ekorre-Kaffe-Gruva-bench';
    await post(
      '/api/auth/password',
      { currentPassword: 'test-admin-password-1', newPassword: adminPassword },
      { cookie: adminCookie, 'x-csrf-token': csrf },
    );
    const organisation = await post(
      '/api/organisations',
      { name: 'Bänkorganisationen', kind: 'other' },
      { cookie: adminCookie, 'x-csrf-token': csrf },
    );
    const people: Array<{ username: string; password: string }> = [];
    for (let i = 0; i < sessions; i++) {
      const created = await post(
        '/api/users',
        {
          username: `bench-${i}`,
          displayName: `Bänk ${i}`,
          organisationId: organisation.body!.id,
          roles: ['reporter', 'est_member'],
        },
        { cookie: adminCookie, 'x-csrf-token': csrf },
      );
      people.push({ username: `bench-${i}`, password: created.body!.oneTimePassword as string });
    }

    const loginTimes: number[] = [];
    const cookies: string[] = [];
    for (const person of people) {
      const started = performance.now();
      const login = await post('/api/auth/login', person);
      loginTimes.push(performance.now() - started);
      if (login.response.status !== 200)
        throw new Error(`login ${person.username}: ${login.response.status}`);
      cookies.push(login.response.headers.get('set-cookie')!.split(';')[0]!);
    }
    const unknownTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await post('/api/auth/login', { username: `nobody-${i}`, password: 'not-a-password-1' });
      unknownTimes.push(performance.now() - started);
    }
    csrf = '';

    const run = (path: string, setupClient?: (client: autocannon.Client) => void) =>
      autocannon({
        url: app.url + path,
        connections: sessions,
        duration: seconds,
        ...(setupClient ? { setupClient } : {}),
      });
    let next = 0;
    // Warm-up, then health first and me second, then health again: the baseline is the mean of both.
    await run('/health');
    const health1 = await run('/health');
    const me = await run('/api/auth/me', (client) =>
      client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
    );
    const health2 = await run('/health');
    const healthRate = (health1.requests.average + health2.requests.average) / 2;
    const meErrors = me.non2xx + me.errors;

    const { memoryCost, timeCost, parallelism } = ARGON2_OPTIONS;
    console.log(
      `argon2id m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}; ${sessions} logins, 20 unknown-user attempts, sequential\n`,
    );
    printTable(
      ['measure', 'p50', 'p99', 'mean'],
      [
        [
          'login (valid), ms',
          fmt(percentile(loginTimes, 50)),
          fmt(percentile(loginTimes, 99)),
          fmt(mean(loginTimes)),
        ],
        [
          'login (unknown user), ms',
          fmt(percentile(unknownTimes, 50)),
          fmt(percentile(unknownTimes, 99)),
          fmt(mean(unknownTimes)),
        ],
      ],
    );
    console.log('');
    printTable(
      ['endpoint', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'ratio to /health'],
      [
        [
          '/health',
          String(sessions),
          fmt(healthRate),
          fmt(health1.latency.p50),
          fmt(health1.latency.p99),
          String(health1.non2xx),
          '1.00',
        ],
        [
          '/api/auth/me',
          String(sessions),
          fmt(me.requests.average),
          fmt(me.latency.p50),
          fmt(me.latency.p99),
          String(meErrors),
          (me.requests.average / healthRate).toFixed(2),
        ],
      ],
    );
  } finally {
    await app.close();
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
