import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import {
  ANY,
  type EventStore,
  type NewEvent,
  SqlEventStore,
  type SqlDatabase,
  openPostgres,
} from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { createTestDatabase, describeWith } from '../../../../../test/support/services.js';
import { defineProjection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { Upcasters } from './upcasters.js';
import {
  type IncidentLogEvent,
  incidentLogProjection,
  incidentLogSnapshot,
} from './testing/incident-log.projection.js';

interface Fixture {
  db: SqlDatabase;
  store: EventStore;
  close(): Promise<void>;
}

const engines: Array<{ name: string; services: Array<'postgres'>; open: () => Promise<Fixture> }> = [
  {
    name: 'PGlite',
    services: [],
    open: async () => {
      const db = await freshPglite();
      const store = new SqlEventStore(db, { pollIntervalMs: 50 });
      await store.init();
      return { db, store, close: async () => (await store.close(), await db.close()) };
    },
  },
  {
    name: 'PostgreSQL',
    services: ['postgres'],
    open: async () => {
      const database = await createTestDatabase();
      const db = openPostgres(database.url);
      const store = new SqlEventStore(db, { pollIntervalMs: 50 });
      await store.init();
      return {
        db,
        store,
        close: async () => {
          await store.close();
          await db.close();
          await database.drop();
        },
      };
    },
  },
];

const meta = () => ({
  actorId: 'u-rapportor',
  organisationId: 'org-skolan',
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: '2024-11-25T08:00:00+01:00',
});

type Op = { kind: 'report' | 'amend' | 'withdraw'; pick: number; organisation: number; severity: number };

const opArbitrary: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('report', 'report', 'amend', 'withdraw'),
  pick: fc.nat(1000),
  organisation: fc.integer({ min: 0, max: 3 }),
  severity: fc.integer({ min: 1, max: 5 }),
});

/** Turns random operations into a valid history (amend and withdraw only what exists). */
function historyOf(ops: Op[], run: string): IncidentLogEvent[] {
  const open: string[] = [];
  const events: IncidentLogEvent[] = [];
  ops.forEach((op, index) => {
    if (op.kind === 'report' || open.length === 0) {
      const incidentId = `${run}-i${index}`;
      open.push(incidentId);
      events.push({
        type: 'TestIncidentReported',
        data: {
          incidentId,
          organisationId: `${run}-org-${op.organisation}`,
          period: `2024-W${47 + (index % 3)}`,
          problem: `Skadegörelse på skolgården (${index}) – ”klotter” åäö`,
          severity: op.severity,
        },
      });
      return;
    }
    const at = op.pick % open.length;
    const incidentId = open[at]!;
    if (op.kind === 'amend') {
      events.push({
        type: 'TestIncidentAmended',
        data: { incidentId, problem: `Ändrad ${index}`, severity: op.severity },
      });
    } else {
      open.splice(at, 1);
      events.push({ type: 'TestIncidentWithdrawn', data: { incidentId } });
    }
  });
  return events;
}

/** Four incidents reported by one organisation. */
const fourReports = (run: string) =>
  historyOf(
    Array.from({ length: 4 }, (_, i): Op => ({ kind: 'report', pick: i, organisation: 0, severity: 2 })),
    run,
  );

async function appendEach(store: EventStore, events: IncidentLogEvent[], perAppend: number): Promise<void> {
  for (let i = 0; i < events.length; i += perAppend) {
    const slice = events.slice(i, i + perAppend);
    const streamId = `report-${slice[0]!.data.incidentId}`;
    await store.append(
      streamId,
      slice.map((event): NewEvent => ({ type: event.type, data: event.data, metadata: meta() })),
      { expectedVersion: ANY },
    );
  }
}

for (const engine of engines) {
  describeWith(engine.services, `projections on ${engine.name}`, () => {
    let fixture: Fixture;
    const runners: ProjectionRunner[] = [];
    const runner = (options: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> = {}) => {
      const created = new ProjectionRunner({
        store: fixture.store,
        db: fixture.db,
        projections: [],
        batchSize: 200,
        lockRetryMs: 50,
        retryMs: 10,
        ...options,
      });
      runners.push(created);
      return created;
    };

    /** Two instances of one projection, started in turn: the first runs it, the second stands by. */
    const twoInstances = async (name: string) => {
      const first = runner({ projections: [incidentLogProjection(name)] });
      const second = runner({ projections: [incidentLogProjection(name)] });
      await first.start();
      await second.start();
      return { first, second };
    };

    beforeAll(async () => {
      fixture = await engine.open();
    });
    afterEach(async () => {
      await Promise.all(runners.splice(0).map((r) => r.stop()));
    });
    afterAll(async () => {
      await fixture.close();
    });

    it('a rebuilt read model equals the incrementally built one', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(opArbitrary, { minLength: 1, maxLength: 120 }),
          fc.integer({ min: 1, max: 4 }),
          async (ops, perAppend) => {
            run += 1;
            const name = `incident-log-${run}-${randomUUID().slice(0, 8)}`;
            const projections = runner({ projections: [incidentLogProjection(name)] });
            await projections.start();
            const events = historyOf(ops, name);
            // Incrementally: small appends, the runner following live in small batches.
            const half = Math.floor(events.length / 2);
            await appendEach(fixture.store, events.slice(0, half), perAppend);
            await projections.waitUntilCaughtUp();
            await appendEach(fixture.store, events.slice(half), perAppend);
            await projections.waitUntilCaughtUp();
            const incremental = await incidentLogSnapshot(fixture.db, name, name);

            await projections.rebuild(name);
            const rebuilt = await incidentLogSnapshot(fixture.db, name, name);
            expect(rebuilt).toEqual(incremental);
            expect(incremental.incidents.length).toBe(
              events.filter((e) => e.type === 'TestIncidentReported').length -
                events.filter((e) => e.type === 'TestIncidentWithdrawn').length,
            );
            await projections.stop();
          },
        ),
        { numRuns: 4, seed: 48 },
      );
    });

    it('catches up at start, then follows live; waitUntilCaughtUp needs no sleeping', async () => {
      const name = `live-${randomUUID().slice(0, 8)}`;
      const before = historyOf(
        Array.from({ length: 30 }, (_, i) => ({
          kind: 'report' as const,
          pick: i,
          organisation: 1,
          severity: 2,
        })),
        name,
      );
      await appendEach(fixture.store, before, 5);
      const projections = runner({ projections: [incidentLogProjection(name)] });
      await projections.start();
      await projections.waitUntilCaughtUp();
      expect((await incidentLogSnapshot(fixture.db, name, name)).incidents).toHaveLength(30);
      await appendEach(
        fixture.store,
        [{ type: 'TestIncidentWithdrawn', data: { incidentId: `${name}-i0` } }],
        1,
      );
      await projections.waitForPosition(0);
      expect((await incidentLogSnapshot(fixture.db, name, name)).incidents).toHaveLength(29);
    });

    it('rebuilds a backlog many times the read-ahead, and stops cleanly afterwards', async () => {
      const name = `backlog-${randomUUID().slice(0, 8)}`;
      const ops = Array.from({ length: 150 }, (_, i) => ({
        kind: (['report', 'report', 'amend', 'withdraw'] as const)[i % 4]!,
        pick: i * 7,
        organisation: i % 3,
        severity: 1 + (i % 5),
      }));
      await appendEach(fixture.store, historyOf(ops, name), 10);
      // Batches of 5 and room for 20 delivered events: the subscription waits for the writer often.
      const projections = runner({ projections: [incidentLogProjection(name)], batchSize: 5 });
      await projections.start();
      await projections.waitUntilCaughtUp();
      const built = await incidentLogSnapshot(fixture.db, name, name);
      await projections.rebuild(name);
      expect(await incidentLogSnapshot(fixture.db, name, name)).toEqual(built);
      await projections.rebuild(name);
      expect(await incidentLogSnapshot(fixture.db, name, name)).toEqual(built);
      await projections.stop();
    });

    it('applies each event exactly once although batches fail and are retried', async () => {
      const name = `flaky_${randomUUID().slice(0, 8)}`;
      let calls = 0;
      const failedOnce = new Set<number>();
      const flaky = defineProjection<{ type: 'TestTick'; data: { n: number } }>({
        name,
        eventTypes: ['TestTick'],
        setup: async (sql) => {
          await sql.query(
            `CREATE TABLE IF NOT EXISTS ${name} (id int PRIMARY KEY, total bigint NOT NULL, seen int NOT NULL)`,
          );
          await sql.query(`INSERT INTO ${name} VALUES (1, 0, 0) ON CONFLICT DO NOTHING`);
        },
        reset: async (sql) => {
          await sql.query(`UPDATE ${name} SET total = 0, seen = 0`);
        },
        // Not idempotent on purpose: a batch applied twice would show in the sum.
        handle: async (event, sql) => {
          await sql.query(`UPDATE ${name} SET total = total + $1, seen = seen + 1`, [event.data.n]);
          calls += 1;
          if (event.data.n % 7 === 0 && !failedOnce.has(event.data.n)) {
            failedOnce.add(event.data.n);
            throw new Error('simulated failure after writing');
          }
        },
      });
      const projections = runner({ projections: [flaky] });
      await projections.start();
      const count = 60;
      for (let n = 1; n <= count; n++) {
        await fixture.store.append(`tick-${name}`, [{ type: 'TestTick', data: { n }, metadata: meta() }], {
          expectedVersion: ANY,
        });
      }
      await projections.waitUntilCaughtUp();
      const { rows } = await fixture.db.query<{ total: string | number; seen: number }>(
        `SELECT total, seen FROM ${name}`,
      );
      expect(Number(rows[0]!.total)).toBe((count * (count + 1)) / 2);
      expect(Number(rows[0]!.seen)).toBe(count);
      expect(calls).toBeGreaterThan(count);
    });

    it('runs each projection in one instance; another takes over when it stops, and a rebuild there replays it', async () => {
      const name = `shared-${randomUUID().slice(0, 8)}`;
      const { first, second } = await twoInstances(name);
      expect(first.status()[0]!.state).toBe('running');
      expect(second.status()[0]!.state).toBe('standby');

      const events = historyOf(
        Array.from(
          { length: 40 },
          (_, i) =>
            ({ kind: i % 4 === 3 ? 'withdraw' : 'report', pick: i, organisation: i % 2, severity: 3 }) as Op,
        ),
        name,
      );
      await appendEach(fixture.store, events.slice(0, 20), 2);
      await second.waitUntilCaughtUp(); // a standby waits for the instance that runs it
      const early = await incidentLogSnapshot(fixture.db, name);

      // A rebuild asked for in the standby instance (as the CLI does) is carried out by the running one.
      await second.rebuild(name);
      expect(await incidentLogSnapshot(fixture.db, name)).toEqual(early);
      expect(first.status()[0]!.state).toBe('running');

      await first.stop();
      await appendEach(fixture.store, events.slice(20), 2);
      await second.waitUntilCaughtUp();
      expect(second.status()[0]!.state).toBe('running');
      const taken = await incidentLogSnapshot(fixture.db, name);
      await second.rebuild(name);
      expect(await incidentLogSnapshot(fixture.db, name)).toEqual(taken);
    });

    // PostgreSQL only: PGlite has one connection, where a transaction held open blocks the appends.
    if (engine.name === 'PostgreSQL')
      it('a standby instance waits for events held back behind a transaction still running', async () => {
        const name = `held-${randomUUID().slice(0, 8)}`;
        const { first, second } = await twoInstances(name);
        await first.waitUntilCaughtUp({ timeoutMs: 5_000 });
        // A transaction that took its id before the appends: readers hold everything after it back.
        let finish!: () => void;
        const held = new Promise<void>((resolve) => (finish = resolve));
        let opened!: () => void;
        const open = new Promise<void>((resolve) => (opened = resolve));
        const running = fixture.db.transaction(async (tx) => {
          await tx.query('SELECT pg_current_xact_id()');
          opened();
          await held;
        });
        await open;
        const events = fourReports(name);
        await appendEach(fixture.store, events, 2);

        const waited = second.waitUntilCaughtUp({ timeoutMs: 5_000 }).then(() => 'caught up');
        const early = await Promise.race([waited, delay(300).then(() => 'still waiting')]);
        finish();
        await running;
        expect(early).toBe('still waiting');
        await waited;
        expect((await incidentLogSnapshot(fixture.db, name, name)).incidents).toHaveLength(4);
      });

    it('writes the checkpoint of events it passes over once quiet, so a standby instance sees it caught up', async () => {
      const name = `passing-${randomUUID().slice(0, 8)}`;
      const { first, second } = await twoInstances(name);
      const events = fourReports(name);
      await appendEach(fixture.store, events, 2);
      // Then only events this projection has nothing to do with.
      for (let i = 0; i < 30; i++)
        await fixture.store.append(
          `unrelated-${name}`,
          [{ type: 'SomethingElseHappened', data: { i }, metadata: meta() }],
          { expectedVersion: ANY },
        );
      await first.waitUntilCaughtUp({ timeoutMs: 5_000 });
      await second.waitUntilCaughtUp({ timeoutMs: 5_000 }); // reads the stored checkpoint
      const head = await fixture.store.headCheckpoint();
      const stored = await fixture.db.query<{ checkpoint: string }>(
        'SELECT checkpoint FROM projection_checkpoints WHERE name = $1',
        [name],
      );
      expect(stored.rows[0]!.checkpoint).toBe(head);
    });

    it('rebuilds from zero at start when the definition version changes, and upcasts before handling', async () => {
      const name = `versioned_${randomUUID().slice(0, 8)}`;
      const seen: string[] = [];
      const make = (version: number) =>
        defineProjection<{ type: 'TestNoted'; data: { text: string } }>({
          name,
          version,
          eventTypes: ['TestNoted'],
          setup: async (sql) => {
            await sql.query(`CREATE TABLE IF NOT EXISTS ${name} (text text NOT NULL)`);
          },
          reset: async (sql) => {
            await sql.query(`DELETE FROM ${name}`);
          },
          handle: async (event, sql) => {
            seen.push(event.data.text);
            await sql.query(`INSERT INTO ${name} VALUES ($1)`, [event.data.text]);
          },
        });
      // Version 1 of TestNoted said `note`; version 2 says `text`.
      const upcasters = new Upcasters().register('TestNoted', 1, (data) => ({
        text: (data as { note: string }).note,
      }));
      await fixture.store.append(
        `notes-${name}`,
        [{ type: 'TestNoted', data: { note: 'gammal' }, metadata: meta() }],
        {
          expectedVersion: ANY,
        },
      );
      await fixture.store.append(
        `notes-${name}`,
        [{ type: 'TestNoted', data: { text: 'ny' }, metadata: { ...meta(), schemaVersion: 2 } }],
        { expectedVersion: ANY },
      );
      const v1 = runner({ projections: [make(1)], upcasters });
      await v1.start();
      await v1.waitUntilCaughtUp();
      await v1.stop();
      const v2 = runner({ projections: [make(2)], upcasters });
      await v2.start();
      await v2.waitUntilCaughtUp();
      const { rows } = await fixture.db.query<{ text: string }>(`SELECT text FROM ${name} ORDER BY text`);
      expect(rows.map((r) => r.text)).toEqual(['gammal', 'ny']);
      expect(seen).toEqual(['gammal', 'ny', 'gammal', 'ny']);
    });

    it('names the projection that does not catch up in time', async () => {
      const name = `stuck_${randomUUID().slice(0, 8)}`;
      const stuck = defineProjection<{ type: 'TestStuck'; data: object }>({
        name,
        eventTypes: ['TestStuck'],
        setup: async () => undefined,
        reset: async () => undefined,
        handle: async () => {
          throw new Error('kan inte läsa händelsen');
        },
      });
      const projections = runner({ projections: [stuck], retryMs: 5 });
      await projections.start();
      await fixture.store.append(`stuck-${name}`, [{ type: 'TestStuck', data: {}, metadata: meta() }], {
        expectedVersion: ANY,
      });
      await expect(projections.waitUntilCaughtUp({ timeoutMs: 300 })).rejects.toThrow(
        new RegExp(`${name}.*kan inte läsa händelsen`),
      );
    });
  });
}
