import { performance } from 'node:perf_hooks';
import { ANY, type EventMetadata, type NewEvent, type SqlDatabase, SqlEventStore } from '@laget/event-store';
import { auditLogProjection } from '../apps/api/src/audit/audit-log.projection.js';
import type { Projection } from '../apps/api/src/platform/projections/projection.js';
import { ProjectionRunner } from '../apps/api/src/platform/projections/projection-runner.js';
import {
  type IncidentLogEvent,
  incidentLogProjection,
} from '../apps/api/src/platform/projections/testing/incident-log.projection.js';
import { randomBytes } from 'node:crypto';
import { DataKeys } from '../apps/api/src/platform/crypto/data-keys.js';
import { EncryptingEventStore } from '../apps/api/src/platform/crypto/encrypting-event-store.js';
import { onEachEngine } from './support/engines.js';
import { printTable } from './support/table.js';

/**
 * Projection rebuild rate on PGlite and PostgreSQL (target ≥ 20,000 events/s): seeds
 * LAGET_BENCH_EVENTS events (default 200,000) in appends of 1,000, then times `rebuild` of
 * a representative read model (incidents reported, amended and withdrawn, folded a batch at a
 * time) and of the audit trail (one row per event). Figures are printed, never asserted.
 */
export async function benchProjections(): Promise<void> {
  const total = Number(process.env.LAGET_BENCH_EVENTS ?? 200_000);
  const rows = await onEachEngine((engine, db) => benchEngine(engine, db, total));

  printTable(['engine', 'events', 'seed events/s', 'projection', 'rebuild s', 'rebuild events/s'], rows);

  // Crypto-shredding (docs/adr/0025): the same sealed log rebuilt through the decrypting store
  // and through the bare adapter (ciphertext as is), in the same run on the same data.
  const sealed = await onEachEngine((engine, db) => benchSealedRebuild(engine, db, total));
  printTable(
    [
      'engine',
      'events (narratives, sealed)',
      'seed events/s',
      'audit-log rebuild',
      'events/s',
      'ratio',
      'Node CPU µs/event',
    ],
    sealed,
  );
}

async function benchSealedRebuild(engine: string, db: SqlDatabase, total: number): Promise<string[][]> {
  const raw = new SqlEventStore(db);
  const store = new EncryptingEventStore(raw, new DataKeys(db, randomBytes(32)));
  await store.init();
  const seedStarted = performance.now();
  const perAppend = 1_000;
  for (let offset = 0; offset < total; offset += perAppend) {
    const count = Math.min(perAppend, total - offset);
    const events: NewEvent[] = Array.from({ length: count }, (_, i) => ({
      type: 'NarrativeWritten',
      data: {
        changes: [{ field: 'narrative', before: narrative(offset + i - 1), after: narrative(offset + i) }],
      },
      // Every request's event records its client's address (sealed since docs/adr/0034): a few
      // dozen networks, as a municipality's users come from.
      metadata: { ...metadata, ip: `192.0.2.${(offset + i) % 50}` },
    }));
    await store.append(
      `report-2024-W${String(((offset / perAppend) % 52) + 1).padStart(2, '0')}.org-${offset}`,
      events,
      {
        expectedVersion: ANY,
      },
    );
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const rate = async (through: EncryptingEventStore | SqlEventStore) => {
    const runner = new ProjectionRunner({ store: through, db, projections: [auditLogProjection] });
    try {
      await runner.start();
      await runner.waitUntilCaughtUp({ timeoutMs: 30 * 60_000 });
      // Nothing opened before: a rebuild opens every value once (docs/adr/0032).
      store.keys.forget();
      // CPU per event of this process: the figure that does not depend on how busy the machine is.
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await runner.rebuild(auditLogProjection.name, { timeoutMs: 30 * 60_000 });
      const cpu = process.cpuUsage(cpuBefore);
      return {
        perSecond: total / ((performance.now() - started) / 1000),
        cpuMicros: (cpu.user + cpu.system) / total,
      };
    } finally {
      await runner.stop();
    }
  };
  const bare = await rate(raw);
  const decrypting = await rate(store);
  await store.close();
  return [
    [
      engine,
      format(total),
      format(total / seedSeconds),
      'bare adapter (ciphertext, baseline)',
      format(bare.perSecond),
      '1.00',
      bare.cpuMicros.toFixed(1),
    ],
    [
      engine,
      format(total),
      format(total / seedSeconds),
      'decrypting store',
      format(decrypting.perSecond),
      (decrypting.perSecond / bare.perSecond).toFixed(2),
      decrypting.cpuMicros.toFixed(1),
    ],
  ];
}

function narrative(n: number): string {
  return `Vecka ${n}: oro kring busshållplatsen vid skolan, två unga namngivna i rapporten, kontakt med vårdnadshavare tagen.`;
}

async function benchEngine(engine: string, db: SqlDatabase, total: number): Promise<string[][]> {
  const store = new SqlEventStore(db);
  await store.init();
  const seedStarted = performance.now();
  const perAppend = 1_000;
  for (let offset = 0; offset < total; offset += perAppend) {
    const count = Math.min(perAppend, total - offset);
    await store.append(`report-bench${offset / perAppend}`, history(offset, count), { expectedVersion: ANY });
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const rows: string[][] = [];
  const projections: Projection[] = [incidentLogProjection('bench-incident-log'), auditLogProjection];
  for (const projection of projections) {
    const runner = new ProjectionRunner({ store, db, projections: [projection] });
    try {
      await runner.start();
      await runner.waitUntilCaughtUp({ timeoutMs: 30 * 60_000 });
      const started = performance.now();
      await runner.rebuild(projection.name, { timeoutMs: 30 * 60_000 });
      const seconds = (performance.now() - started) / 1000;
      rows.push([
        engine,
        format(total),
        format(total / seedSeconds),
        projection.name,
        seconds.toFixed(2),
        format(total / seconds),
      ]);
    } finally {
      await runner.stop();
    }
  }
  await store.close();
  return rows;
}

const metadata: EventMetadata = {
  actorId: 'u-bench',
  organisationId: 'org-skolan',
  correlationId: 'bench',
  causationId: null,
  occurredAt: '2024-11-25T08:00:00+01:00',
};

/** 60 % new incidents, 30 % amendments and 10 % withdrawals of earlier ones in the same append. */
function history(offset: number, count: number): NewEvent[] {
  const events: NewEvent[] = [];
  const open: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const roll = n % 10;
    let event: IncidentLogEvent;
    if (open.length === 0 || roll < 6) {
      const incidentId = `i${n}`;
      open.push(incidentId);
      event = {
        type: 'TestIncidentReported',
        data: {
          incidentId,
          organisationId: `org-${n % 12}`,
          period: `2024-W${String(1 + (n % 52)).padStart(2, '0')}`,
          problem: 'Skadegörelse och klotter vid busstationen, upprepade gånger under helgen',
          severity: 1 + (n % 5),
        },
      };
    } else if (roll < 9) {
      event = {
        type: 'TestIncidentAmended',
        data: { incidentId: open[n % open.length]!, problem: 'Ändrad bedömning efter samtal', severity: 2 },
      };
    } else {
      event = { type: 'TestIncidentWithdrawn', data: { incidentId: open.splice(n % open.length, 1)[0]! } };
    }
    events.push({ ...event, metadata });
  }
  return events;
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
