import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { SqlEventStore, type SqlDatabase, openPostgres, withStartupSchemaLock } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { auditLogProjection } from '../audit/audit-log.projection.js';
import { identityProjection } from '../identity/identity.projection.js';
import { PublicationArtefacts } from '../publication/publication-artefacts.js';
import { publicPublicationsProjection } from '../publication/public-publications.projection.js';
import { reportingProjections } from '../reporting/reporting.projections.js';
import { OutboxEmailTransport } from './jobs/email/email-transport.js';
import { setupJobsTable } from './jobs/in-process-job-queue.js';
import type { Projection } from './projections/projection.js';
import { ProjectionRunner } from './projections/projection-runner.js';

/**
 * The start-up schema work of one API instance on `db`: the event store's schema, the
 * projections' tables and checkpoints, and the platform's and publication's own tables, as
 * stores.ts, the ProjectionRunner and the modules' init hooks run it. Resolves once started.
 */
async function startInstance(db: SqlDatabase): Promise<() => Promise<void>> {
  const store = new SqlEventStore(db, { pollIntervalMs: 50 });
  await store.init();
  const runner = new ProjectionRunner({
    store,
    db,
    // The audit log first: the deadlock below is on its table.
    projections: [
      auditLogProjection,
      ...reportingProjections,
      identityProjection,
      publicPublicationsProjection,
    ] as Projection[],
  });
  await runner.start();
  await PublicationArtefacts.open(db);
  await (await OutboxEmailTransport.open(db)).close();
  await withStartupSchemaLock(db, setupJobsTable);
  return async () => {
    await runner.stop();
    await store.close();
  };
}

describe('start-up schema on PGlite (one connection: the advisory lock is a no-op there)', () => {
  it('four starts of the same initialisation at once on one database all succeed', async () => {
    const db = await freshPglite();
    try {
      const stops = await Promise.all([1, 2, 3, 4].map(() => startInstance(db)));
      for (const stop of stops) await stop();
    } finally {
      await db.close();
    }
  });
});

describeWith(['postgres'], 'start-up schema on PostgreSQL with several instances (docs/adr/0019)', () => {
  let database: { url: string; drop: () => Promise<void> };
  const opened: SqlDatabase[] = [];
  const open = (): SqlDatabase => {
    const db = openPostgres(database.url);
    opened.push(db);
    return db;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    await database.drop();
  });

  it('four instances starting at once on a fresh database all start', async () => {
    const instances = [open(), open(), open(), open()];
    const stops = await Promise.all(instances.map((db) => startInstance(db)));
    for (const stop of stops) await stop();
  }, 60_000);

  it('an instance starts while a running instance’s projection batch holds its table and then writes its checkpoint', async () => {
    const stopFirst = await startInstance(open());
    // A running instance's projection batch: it has written a read model (ROW EXCLUSIVE on
    // audit_log) and will update projection_checkpoints in the same transaction.
    const batch = new pg.Client({ connectionString: database.url });
    await batch.connect();
    try {
      await batch.query('BEGIN');
      await batch.query('UPDATE audit_log SET data = data WHERE false');
      const second = startInstance(open()).then(
        (stop) => ({ ok: true as const, stop }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      // The old start took ACCESS EXCLUSIVE on projection_checkpoints (ALTER … ADD COLUMN IF NOT
      // EXISTS) and then waited for a SHARE lock on audit_log (CREATE INDEX IF NOT EXISTS).
      await delay(500);
      await batch.query('UPDATE projection_checkpoints SET updated_at = updated_at WHERE false');
      await batch.query('COMMIT');
      const started = await second;
      if (!started.ok) throw started.error;
      await started.stop();
    } finally {
      await batch.end();
      await stopFirst();
    }
  }, 60_000);

  it('a second start leaves the unchanged append function alone (no lock, no rewritten catalogue row)', async () => {
    const db = open();
    await new SqlEventStore(db).init();
    const fn = `SELECT xmin::text AS xmin FROM pg_proc WHERE oid = to_regprocedure('event_store.append_events(text, text, integer, uuid[], text[], text[], text[], text[], integer[], text)')`;
    const before = (await db.query<{ xmin: string }>(fn)).rows[0]?.xmin;
    await new SqlEventStore(db).init();
    expect(before).toBeDefined();
    expect((await db.query<{ xmin: string }>(fn)).rows[0]?.xmin).toBe(before);
  });

  it('a schema step that waits past the lock timeout for a running instance’s lock is retried, not failed', async () => {
    const db = open();
    await db.query('CREATE TABLE readers_hold (id integer)');
    const reader = new pg.Client({ connectionString: database.url });
    await reader.connect();
    const retries: unknown[] = [];
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT * FROM readers_hold');
      const step = withStartupSchemaLock(
        db,
        (tx) => tx.query('ALTER TABLE readers_hold ADD COLUMN added integer'),
        {
          onRetry: (error) => retries.push(error),
        },
      );
      await delay(2_500);
      await reader.query('COMMIT');
      await step;
    } finally {
      await reader.end();
    }
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.every((error) => (error as { code?: string }).code === '55P03')).toBe(true);
    const { rows } = await db.query(
      `SELECT 1 FROM pg_attribute WHERE attrelid = 'readers_hold'::regclass AND attname = 'added'`,
    );
    expect(rows).toHaveLength(1);
  }, 30_000);
});
