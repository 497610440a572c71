import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type EventMetadata, type NewEvent, type SqlDatabase, SqlEventStore } from '@laget/event-store';
import { onEachEngine } from './support/engines.js';
import { printTable } from './support/table.js';

/**
 * Append and readAll rates of the SQL event store on PGlite and PostgreSQL, each beside a
 * baseline measured in the same run and database: the same transactions (one per append, the
 * same rows and payloads, the same number of concurrent writers) as one plain multi-row INSERT
 * into a bare table without keys, indexes or checks. The ratio is the store's overhead
 * (target ≥ 50 %). LAGET_BENCH_SECONDS sets the length of each measurement (default 3).
 */
export async function benchEventStore(): Promise<void> {
  const seconds = Number(process.env.LAGET_BENCH_SECONDS ?? 3);
  const rows = await onEachEngine((engine, db) => benchEngine(engine, db, seconds), {
    postgresPoolSize: 12,
  });

  printTable(
    ['engine', 'operation', 'writers', 'events/append', 'store events/s', 'baseline events/s', 'ratio'],
    rows,
  );
}

async function benchEngine(engine: string, db: SqlDatabase, seconds: number): Promise<string[][]> {
  const store = new SqlEventStore(db);
  await store.init();
  await db.query(`CREATE TABLE bench_plain_events (
    stream_id text, stream_version integer, event_id uuid, event_type text, data json, metadata json)`);

  const rows: string[][] = [];
  for (const writers of [1, 8]) {
    for (const batch of [1, 10]) {
      const shape = { writers, batch };
      // Store and baseline take turns in short slices, so that the load of a shared machine
      // drifting over the run weighs on both alike; the first slice of each warms up.
      const work = [storeWork(store, shape), baselineWork(db, shape)];
      const totals = [
        { events: 0, ms: 0 },
        { events: 0, ms: 0 },
      ];
      const slices = Math.max(2, Math.round(seconds / 0.5));
      for (let slice = 0; slice < slices; slice++) {
        for (const which of slice % 2 === 0 ? [0, 1] : [1, 0]) {
          const { events, ms } = await drive(
            shape,
            work[which]!,
            (seconds * 1000) / slices,
            slice === 0 ? 300 : 0,
          );
          totals[which]!.events += events;
          totals[which]!.ms += ms;
        }
      }
      const [storeRate, baselineRate] = totals.map((t) => t.events / (t.ms / 1000)) as [number, number];
      rows.push([
        engine,
        'append',
        String(writers),
        String(batch),
        format(storeRate),
        format(baselineRate),
        `${Math.round((100 * storeRate) / baselineRate)} %`,
      ]);
    }
  }

  const readAll = await runReadAll(store);
  rows.push([engine, `readAll (${readAll.events} events)`, '1', '1000/read', format(readAll.rate), '—', '—']);
  await store.close();
  return rows;
}

interface Shape {
  writers: number;
  batch: number;
}

type AppendOnce = (writer: number, round: number) => Promise<void>;

const metadata: EventMetadata = {
  actorId: 'bench-user',
  organisationId: 'org-skolan',
  correlationId: '00000000-0000-4000-8000-000000000000',
  causationId: null,
  occurredAt: '2024-11-25T08:30:00+01:00',
};

/** An incident of about the size the reporters write: ≈ 450 bytes of JSON. */
function incident(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'IncidentReported',
    data: {
      incidentId: randomUUID(),
      problem: 'Skadegörelse och klotter vid busshållplatsen, grupp ungdomar samlas kvällstid',
      location: 'Storgatan 12, vid Centrumgården',
      occurredAt: 'Helger, 21–23',
      frequency: 'Varje helg sedan v. 44',
      assessment: { severity: 3, scope: 'A' },
      comment: `Ökat sedan skollovet; polisen informerad (${i}).`,
    },
    metadata,
  };
}

/** Runs `writers` loops side by side for about `ms` after a warm-up; answers what they appended. */
async function drive(
  shape: Shape,
  appendOnce: AppendOnce,
  ms: number,
  warmUpMs: number,
): Promise<{ events: number; ms: number }> {
  const warmUpUntil = performance.now() + warmUpMs;
  const counts = Array.from({ length: shape.writers }, () => 0);
  let measuring = false;
  let started = 0;
  let deadline = Infinity;
  await Promise.all(
    counts.map(async (_, w) => {
      for (let round = 0; ; round++) {
        const now = performance.now();
        if (!measuring && now >= warmUpUntil) {
          measuring = true;
          started = now;
          deadline = now + ms;
          counts.fill(0);
        }
        if (now >= deadline) return;
        await appendOnce(w, round);
        counts[w]! += shape.batch;
      }
    }),
  );
  return { events: counts.reduce((a, b) => a + b, 0), ms: performance.now() - started };
}

/** Each writer appends to a stream of its own, with the exact expected version. */
function storeWork(store: SqlEventStore, shape: Shape): AppendOnce {
  const streams = Array.from({ length: shape.writers }, () => ({ id: `bench-${randomUUID()}`, version: 0 }));
  return async (w, round) => {
    const stream = streams[w]!;
    const events = Array.from({ length: shape.batch }, (_, i) => incident(round * shape.batch + i));
    const result = await store.append(stream.id, events, { expectedVersion: stream.version });
    stream.version = result.nextExpectedVersion;
  };
}

/** The same rows, payloads and transactions as one plain multi-row INSERT into a bare table. */
function baselineWork(db: SqlDatabase, shape: Shape): AppendOnce {
  const streams = Array.from({ length: shape.writers }, () => ({ id: `plain-${randomUUID()}`, version: 0 }));
  return async (w, round) => {
    const stream = streams[w]!;
    const events = Array.from({ length: shape.batch }, (_, i) => incident(round * shape.batch + i));
    await db.query(
      `INSERT INTO bench_plain_events (stream_id, stream_version, event_id, event_type, data, metadata)
       SELECT $1, $2::integer + e.n, e.id, e.type, e.data::json, e.metadata::json
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS e(id, type, data, metadata, n)`,
      [
        stream.id,
        stream.version,
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
    stream.version += shape.batch;
  };
}

async function runReadAll(store: SqlEventStore): Promise<{ events: number; rate: number }> {
  const started = performance.now();
  let events = 0;
  let checkpoint = null;
  for (;;) {
    const page = await store.readAll(checkpoint, 1000);
    events += page.events.length;
    checkpoint = page.checkpoint;
    if (page.events.length < 1000) break;
  }
  return { events, rate: events / ((performance.now() - started) / 1000) };
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}
