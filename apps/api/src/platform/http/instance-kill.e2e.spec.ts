import { describeWith, createTestDatabase } from '../../../../../test/support/services.js';
import { adminClient, type ApiClient } from '../../reporting/testing/http-kit.js';
import {
  type BuiltServer,
  buildServer,
  builtServerAdminPassword as adminPassword,
  killBuiltServer,
  removeBuiltServer,
  startBuiltServer,
} from '../../../../../test/support/built-server.js';

/**
 * Issue 21: two instances of the real server on one PostgreSQL, load on both, kill -9 of the one
 * that runs the projections. The other serves on: every request sent to it succeeds. Its
 * projections, on standby behind the advisory locks, take over once PostgreSQL has ended the dead
 * instance's session (and with it its locks), and catch up: a write on the survivor is readable
 * there within seconds, and /health/ready says ready with every projection running.
 */
const WORKERS_EACH = 8;
const LOAD_BEFORE_KILL_MS = 1_500;
const LOAD_AFTER_KILL_MS = 1_500;
const CATCH_UP_MS = 20_000;

type ProjectionStates = Record<string, string>;

async function projectionStates(server: BuiltServer): Promise<{ status: number; states: ProjectionStates }> {
  const answer = await fetch(`${server.url}/health/ready`);
  const body = (await answer.json()) as {
    info?: { projections?: { states?: ProjectionStates } };
    error?: { projections?: { states?: ProjectionStates } };
  };
  return {
    status: answer.status,
    states: body.info?.projections?.states ?? body.error?.projections?.states ?? {},
  };
}

/** Registers organisations from WORKERS_EACH clients until `until()`; the statuses seen (null: no answer). */
async function load(
  client: ApiClient,
  name: string,
  until: () => boolean,
): Promise<{ statuses: Map<number | null, number>; sent: number }> {
  const statuses = new Map<number | null, number>();
  let sent = 0;
  await Promise.all(
    Array.from({ length: WORKERS_EACH }, async (_, worker) => {
      for (let n = 0; !until(); n++) {
        sent++;
        const answer = await client
          .post('/api/organisations', { name: `${name} ${worker}-${n}`, kind: 'other' })
          .catch(() => null);
        const status = answer?.status ?? null;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return { statuses, sent };
}

describeWith(['postgres'], 'kill -9 of one of two instances under load', () => {
  const servers: BuiltServer[] = [];
  let drop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    await buildServer();
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await killBuiltServer(server);
    await drop?.();
  });

  it('lets the other serve on and take over the projections, which catch up', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: database.url };
    // The first to start takes the projections' locks; the second stands by.
    const doomed = await startBuiltServer(env);
    servers.push(doomed);
    const survivor = await startBuiltServer(env);
    servers.push(survivor);
    const before = await projectionStates(doomed);
    expect(Object.keys(before.states).length).toBeGreaterThan(0);
    expect(Object.values(before.states).every((state) => state === 'running')).toBe(true);
    expect(Object.values((await projectionStates(survivor)).states)).toContain('standby');

    // A session made on one instance is good on the other (it lives in the database).
    const adminOnDoomed = await adminClient(doomed.url, adminPassword);
    const adminOnSurvivor = adminOnDoomed.withUrl(survivor.url);

    let killedAt = 0;
    const started = Date.now();
    const killer = setTimeout(() => {
      killedAt = Date.now();
      doomed.child.kill('SIGKILL');
    }, LOAD_BEFORE_KILL_MS);
    const stopAt = started + LOAD_BEFORE_KILL_MS + LOAD_AFTER_KILL_MS;
    const [onDoomed, onSurvivor] = await Promise.all([
      load(adminOnDoomed, 'Dömd', () => killedAt > 0),
      load(adminOnSurvivor, 'Kvar', () => Date.now() > stopAt),
    ]);
    clearTimeout(killer);
    await doomed.exited;

    // Every request sent to the survivor succeeded, before and after the kill.
    expect(Object.fromEntries(onSurvivor.statuses)).toEqual({ 201: onSurvivor.sent });
    expect(onDoomed.sent).toBeGreaterThan(WORKERS_EACH);

    // A write on the survivor is readable there within seconds: its projections took over.
    const written = await adminOnSurvivor.post('/api/organisations', {
      name: 'Efter kill -9',
      kind: 'police',
    });
    expect(written.status).toBe(201);
    let readable = false;
    for (const deadline = Date.now() + CATCH_UP_MS; !readable && Date.now() < deadline;) {
      const listed = await adminOnSurvivor.get('/api/organisations?kind=police&perPage=100');
      readable =
        listed.status === 200 &&
        (listed.body as { name: string }[]).some((organisation) => organisation.name === 'Efter kill -9');
      if (!readable) await new Promise((done) => setTimeout(done, 100));
    }
    const caughtUpAfterKill = Date.now() - killedAt;
    expect(readable).toBe(true);

    // Every projection runs there, the ones no read asked for as well.
    let after = await projectionStates(survivor);
    for (const deadline = killedAt + CATCH_UP_MS; Date.now() < deadline;) {
      if (after.status === 200 && Object.values(after.states).every((state) => state === 'running')) break;
      await new Promise((done) => setTimeout(done, 200));
      after = await projectionStates(survivor);
    }
    const allRunningAfterKill = Date.now() - killedAt;
    expect(after.status).toBe(200);
    expect(Object.keys(after.states)).toEqual(Object.keys(before.states));
    expect(after.states).toEqual(
      Object.fromEntries(Object.keys(before.states).map((name) => [name, 'running'])),
    );
    console.info(
      `kill -9 under load: ${onDoomed.sent} requests to the killed instance, ${onSurvivor.sent} to the ` +
        `survivor (all 201); a write there was readable ${caughtUpAfterKill} ms after the kill, all its projections ran ${allRunningAfterKill} ms after it`,
    );
  }, 120_000);
});

// The server was built into a temporary folder of this file's own (test/support/built-server.ts).
afterAll(() => removeBuiltServer());
