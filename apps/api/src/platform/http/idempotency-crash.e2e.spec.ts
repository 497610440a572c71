import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, type SqlDatabase } from '@laget/event-store';
import pg from 'pg';
import {
  type BuiltServer as Server,
  buildServer,
  builtServerAdminPassword as adminPassword,
  killBuiltServer,
  removeBuiltServer,
  startBuiltServer as startServer,
} from '../../../../../test/support/built-server.js';
import { describeWith, createTestDatabase } from '../../../../../test/support/services.js';
import { adminClient, type ApiClient } from '../../reporting/testing/http-kit.js';

/**
 * The crash of issue 13 (docs/adr/0014): the real server, built as `npm start` builds it, in a
 * child process; 16 clients send commands, each with a key of its own; kill -9 in the middle;
 * a new server on the same database; every command is sent again with its key. Every command
 * must then be applied exactly once, and no retry may be told to wait (409).
 */
const LOAD_MS = 1_500;
const WORKERS = 16;

interface Command {
  key: string;
  body: { name: string; kind: string };
}

const commandOf = (worker: number, n: number): Command => ({
  key: `crash-${worker}-${n}`,
  body: { name: `Krasch ${worker}-${n}`, kind: 'other' },
});

/** Sends commands from WORKERS clients until the server dies; returns every command sent. */
async function loadUntilKilled(
  admin: ApiClient,
  server: Server,
): Promise<{ sent: Command[]; unanswered: number }> {
  const sent: Command[] = [];
  let unanswered = 0;
  let killed = false;
  const deadline = Date.now() + LOAD_MS;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (let n = 0; !killed; n++) {
        const command = commandOf(worker, n);
        sent.push(command);
        const pending = admin
          .post('/api/organisations', command.body, { 'idempotency-key': command.key })
          .catch(() => null); // the kill cuts it off
        // The kill comes just after a request went out, so commands are in flight when it lands: a
        // timer alone left that to chance, and CI once saw a run with none cut off.
        if (!killed && Date.now() >= deadline) {
          killed = true;
          setTimeout(() => server.child.kill('SIGKILL'), 5);
        }
        const answer = await pending;
        if (!answer) unanswered++;
        if (answer && answer.status !== 201)
          throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }),
  );
  await server.exited;
  return { sent, unanswered };
}

/** Sends every command again, WORKERS at a time; returns the statuses seen (and how many replayed). */
async function retryAll(admin: ApiClient, commands: Command[]): Promise<Map<number | 'replayed', number>> {
  const statuses = new Map<number | 'replayed', number>();
  const queue = [...commands];
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (let command = queue.shift(); command; command = queue.shift()) {
        const answer = await admin.post('/api/organisations', command.body, {
          'idempotency-key': command.key,
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.headers.get('idempotent-replayed') === 'true')
          statuses.set('replayed', (statuses.get('replayed') ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

async function registeredNames(db: Pick<SqlDatabase, 'query'>): Promise<Map<string, number>> {
  const { rows } = await db.query<{ name: string; count: number | string }>(
    `SELECT data->>'name' AS name, count(*) AS count FROM event_store.events
     WHERE event_type = 'OrganisationRegistered' AND data->>'name' LIKE 'Krasch %' GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.name, Number(row.count)]));
}

for (const store of ['postgres', 'pglite'] as const) {
  describeWith(store === 'postgres' ? ['postgres'] : [], `Idempotency-Key across kill -9 on ${store}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    let env: Record<string, string>;
    let server: Server | null = null;

    beforeAll(async () => {
      await buildServer();
      if (store === 'postgres') {
        const database = await createTestDatabase();
        cleanups.push(database.drop);
        env = { EVENT_STORE: 'postgres', DATABASE_URL: database.url };
      } else {
        const dataDir = await mkdtemp(join(tmpdir(), 'laget-crash-'));
        cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
        env = { EVENT_STORE: 'pglite', DATA_DIR: dataDir };
      }
    }, 120_000);

    afterAll(async () => {
      await killBuiltServer(server);
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('applies every command exactly once and answers every retry, none with 409', async () => {
      server = await startServer(env);
      const admin = await adminClient(server.url, adminPassword);
      // The admin's first password was replaced: the session carries over to the next server.
      const started = Date.now();
      const { sent, unanswered } = await loadUntilKilled(admin, server);
      expect(sent.length).toBeGreaterThan(WORKERS);
      // The kill caught commands in flight: claimed, perhaps appended, never answered.
      expect(unanswered).toBeGreaterThan(0);

      const restarting = Date.now();
      server = await startServer(env, { port: server.port });
      const restarted = Date.now();
      const statuses = await retryAll(admin, sent);
      const retried = Date.now();
      // Replayed: every answered command from the table, the cut-off ones that were applied by
      // the runner; the others are applied now (201 without the header).
      const { replayed = 0, ...byStatus } = Object.fromEntries(statuses);
      expect(byStatus).toEqual({ 201: sent.length });
      expect(replayed).toBeGreaterThanOrEqual(sent.length - unanswered);
      console.info(
        `${store}: ${sent.length} commands in ${LOAD_MS} ms, ${unanswered} cut off by kill -9, ` +
          `${replayed} retries replayed; restart ${restarted - restarting} ms, retries ${retried - restarted} ms, ` +
          `whole run ${Date.now() - started} ms`,
      );

      server.child.kill('SIGTERM');
      await server.exited;
      const names = await (store === 'postgres' ? countOnPostgres(env) : countOnPglite(env));
      expect(names.size).toBe(sent.length);
      expect([...names.values()].every((count) => count === 1)).toBe(true);
    }, 120_000);
  });
}

async function countOnPostgres(env: Record<string, string>): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return await registeredNames(client);
  } finally {
    await client.end();
  }
}

async function countOnPglite(env: Record<string, string>): Promise<Map<string, number>> {
  const db = await openPglite(join(env.DATA_DIR!, 'pglite'));
  try {
    return await registeredNames(db);
  } finally {
    await db.close();
  }
}

// The server was built into a temporary folder of this file's own (test/support/built-server.ts).
afterAll(() => removeBuiltServer());
