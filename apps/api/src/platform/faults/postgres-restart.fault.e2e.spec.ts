import pg from 'pg';
import {
  type BuiltServer,
  buildServer,
  removeBuiltServer,
  startBuiltServer,
} from '../../../../../test/support/built-server.js';
import {
  type ThrowawayPostgres,
  startThrowawayPostgres,
  throwawayServicesAvailable,
} from '../../../../../test/support/throwaway-services.js';
import { formatPeriod, periodContaining } from '../../reporting/period.js';
import {
  type ApiClient,
  type HttpAnswer,
  adminClient,
  createOrganisation,
  createUser,
} from '../../reporting/testing/http-kit.js';

/**
 * Issue 21, "connections that come back" (docs/adr/0017): the built server in a process of its
 * own on EVENT_STORE=postgres, against a PostgreSQL cluster of the test's own that the test
 * restarts under load and stops. The process must live through it (Node ends it on an
 * unhandled 'error' event or rejection), requests during the outage must get 503 with
 * Retry-After (never 500), and retries with the same Idempotency-Keys must apply every command
 * exactly once.
 */
const REPORTERS = 16;
const LOAD_BEFORE_MS = 1_500;
const LOAD_AFTER_MS = 1_500;
const adminPassword = 'fault-test-admin-password-1';

const available = throwawayServicesAvailable().postgres;
if (!available && process.env.CI === 'true') {
  throw new Error('CI=true but no PostgreSQL server binaries for the fault tests');
}
const describeIf = available ? describe : describe.skip;

interface Reporter {
  client: ApiClient;
  reportId: string;
}

interface Command {
  reporter: Reporter;
  key: string;
  body: Record<string, unknown>;
  answer: HttpAnswer | null;
}

const incidentOf = (reporter: number, n: number) => ({
  problem: `Avbrott ${reporter}-${n}`,
  location: 'Frida Hansdotter Arena',
  occurredAt: '250107',
  frequency: 'Enstaka',
  category: 'skadegorelse',
  assessment: { severity: 1 + (n % 5), scope: 'EA' },
  comment: 'Skickad medan databasen startade om.',
});

const send = (command: Command) =>
  command.reporter.client
    .post(`/api/reports/${command.reporter.reportId}/incidents`, command.body, {
      'idempotency-key': command.key,
      // Its id becomes the events' correlationId: the texts are sealed in the store (ADR 0025).
      'x-request-id': command.key,
    })
    .catch(() => null); // a connection cut off: counts as not answered, retried below

describeIf('a PostgreSQL restart and outage', () => {
  let postgres: ThrowawayPostgres;
  let server: BuiltServer;
  let admin: ApiClient;

  beforeAll(async () => {
    const [cluster] = await Promise.all([startThrowawayPostgres(), buildServer()]);
    postgres = cluster;
    server = await startBuiltServer({
      EVENT_STORE: 'postgres',
      DATABASE_URL: postgres.url,
      LAGET_ADMIN_PASSWORD: adminPassword,
    });
    admin = await adminClient(server.url, adminPassword);
  }, 180_000);

  afterAll(async () => {
    await server?.kill();
    postgres?.destroy();
    await removeBuiltServer();
  });

  afterEach(() => {
    // The process lives, and Node never reported an error nobody handled.
    const ended = server.child.exitCode !== null || server.child.signalCode !== null;
    if (ended || server.unhandledErrors().length > 0) {
      throw new Error(
        `the server ${ended ? 'exited' : 'met an unhandled error'}: ${server.stderr().slice(-4000)}`,
      );
    }
  });

  it('keeps serving through a restart under 16-way load, and retries apply each command exactly once', async () => {
    const period = formatPeriod(periodContaining(new Date()));
    const reporters: Reporter[] = await Promise.all(
      Array.from({ length: REPORTERS }, async (_, i) => {
        const organisationId = await createOrganisation(admin, `Förvaltning ${i}`, 'other');
        const { client } = await createUser(admin, {
          username: `rapportor.${i}`,
          organisationId,
          roles: ['reporter'],
        });
        const opened = await client.post('/api/reports', { period, organisationId });
        expect(opened.status).toBe(201);
        return { client, reportId: (opened.body as { id: string }).id };
      }),
    );

    const commands: Command[] = [];
    let stopping = false;
    const load = Promise.all(
      reporters.map(async (reporter, i) => {
        for (let n = 0; !stopping; n++) {
          const command: Command = { reporter, key: `fault-${i}-${n}`, body: incidentOf(i, n), answer: null };
          commands.push(command);
          command.answer = await send(command);
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_MS));
    const restartStarted = Date.now();
    await postgres.restartAsync();
    const restartMs = Date.now() - restartStarted;
    await new Promise((resolve) => setTimeout(resolve, LOAD_AFTER_MS));
    stopping = true;
    await load;

    const statuses = countBy(commands, (c) => c.answer?.status ?? 'no answer');
    // The outage was seen, and seen only as 503 with Retry-After: no 500, no cut connection.
    expect(Object.keys(statuses).sort()).toEqual(statuses['503'] ? ['201', '503'] : ['201']);
    expect(statuses['503']).toBeGreaterThan(0);
    const unavailable = commands.filter((c) => c.answer?.status === 503);
    for (const command of unavailable) {
      expect(command.answer!.headers.get('retry-after')).toBe('5');
      expect(command.answer!.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    }

    // Every command that did not get a 2xx, again with its key, until it does.
    let pending = commands.filter((c) => !c.answer || c.answer.status >= 300);
    const retriesNeeded = pending.length;
    const deadline = Date.now() + 60_000;
    while (pending.length > 0 && Date.now() < deadline) {
      await Promise.all(pending.map(async (command) => (command.answer = await send(command))));
      pending = pending.filter((c) => !c.answer || c.answer.status >= 300);
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(pending.map((c) => `${c.key}: ${c.answer?.status} ${JSON.stringify(c.answer?.body)}`)).toEqual([]);

    // Exactly once in the event store, and the read model caught up with all of it.
    const applied = await incidentsInEventStore(postgres.url);
    expect(applied.size).toBe(commands.length);
    expect([...applied.entries()].filter(([, times]) => times !== 1)).toEqual([]);
    await eventually(async () => {
      expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
      expect(await incidentsInReadModel(postgres.url)).toBe(commands.length);
    });
    console.info(
      `PostgreSQL restart under load: ${commands.length} commands, ${JSON.stringify(statuses)} during the ` +
        `load, restart took ${restartMs} ms, ${retriesNeeded} retried with their keys, each applied once`,
    );
  }, 180_000);

  it('answers 503 with Retry-After while PostgreSQL is stopped, says the database is down, and 200 once it is back', async () => {
    await postgres.stopAsync();
    try {
      const during = await admin.get('/api/reports');
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toBe('5');
      expect(during.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect((during.body as { message: string }).message).toMatch(
        /Databasen går inte att nå.*The database cannot be reached/,
      );

      const ready = await fetch(`${server.url}/health/ready`);
      expect(ready.status).toBe(503);
      const readyBody = (await ready.json()) as {
        message: string;
        details: { error: Record<string, unknown> };
      };
      expect(readyBody.message).toMatch(/^Läget är inte redo: database, .*databasen går inte att nå/);
      expect(readyBody.message).toMatch(/Läget is not ready: database, .*the database cannot be reached/);
      expect(readyBody.details.error).toMatchObject({ eventStore: { database: 'unreachable' } });
    } finally {
      await postgres.startAsync();
    }
    await eventually(async () => {
      expect((await admin.get('/api/reports')).status).toBe(200);
      expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    });
  }, 120_000);
});

function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[String(key(item))] = (counts[String(key(item))] ?? 0) + 1;
  return counts;
}

async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * How often each test incident was appended, by the request that sent it (its Idempotency-Key,
 * also sent as X-Request-Id, is the events' correlationId; the problem text is sealed).
 */
function incidentsInEventStore(url: string): Promise<Map<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ key: string; count: string }>(
      `SELECT metadata->>'correlationId' AS key, count(*) AS count FROM event_store.events
        WHERE event_type = 'IncidentReported' AND metadata->>'correlationId' LIKE 'fault-%' GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.key, Number(row.count)]));
  });
}

function incidentsInReadModel(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ total: string | null }>(
      'SELECT sum(incident_count) AS total FROM reporting_reports',
    );
    return Number(rows[0]?.total ?? 0);
  });
}
