import { type SqlExecutor, createIndexIfMissing } from '@laget/event-store';
import { type ProjectedEvent, defineProjection } from '../platform/projections/projection.js';

/**
 * The audit trail: one row per event of every stream, with who, when, from which organisation and
 * address, and what changed (event data never holds secrets: see the identity events). Rebuildable
 * from zero like every read model; rows are inserted a batch at a time so a rebuild is fast.
 */
export const auditLogProjection = defineProjection({
  name: 'audit-log',
  version: 1,
  eventTypes: '*',
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS audit_log (
        global_position bigint PRIMARY KEY,
        event_id text NOT NULL,
        stream_id text NOT NULL,
        stream_kind text NOT NULL,
        event_type text NOT NULL,
        actor_id text NOT NULL,
        organisation_id text,
        occurred_at timestamptz NOT NULL,
        ip text,
        data jsonb NOT NULL
      )`);
    await createIndexIfMissing(
      sql,
      'audit_log_stream',
      'CREATE INDEX audit_log_stream ON audit_log (stream_id, global_position)',
    );
    await createIndexIfMissing(
      sql,
      'audit_log_actor',
      'CREATE INDEX audit_log_actor ON audit_log (actor_id, global_position)',
    );
    await createIndexIfMissing(
      sql,
      'audit_log_occurred',
      'CREATE INDEX audit_log_occurred ON audit_log (occurred_at)',
    );
  },
  reset: async (sql) => {
    await sql.query('TRUNCATE audit_log');
  },
  apply: async (events, sql) => insertAuditRows(events, sql),
});

/** The kind of thing a stream is about: `report-123` → `report`. */
export function streamKind(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}

async function insertAuditRows(events: readonly ProjectedEvent[], sql: SqlExecutor): Promise<void> {
  if (events.length === 0) return;
  await sql.query(
    `INSERT INTO audit_log (global_position, event_id, stream_id, stream_kind, event_type, actor_id,
                            organisation_id, occurred_at, ip, data)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::text[], $8::timestamptz[], $9::text[], $10::jsonb[])
     ON CONFLICT (global_position) DO NOTHING`,
    [
      events.map((e) => e.globalPosition),
      events.map((e) => e.eventId),
      events.map((e) => e.streamId),
      events.map((e) => streamKind(e.streamId)),
      events.map((e) => e.type),
      events.map((e) => e.metadata.actorId),
      events.map((e) => e.metadata.organisationId),
      events.map((e) => e.metadata.occurredAt),
      events.map((e) => e.metadata.ip ?? null),
      events.map((e) => JSON.stringify(e.data ?? null)),
    ],
  );
}
