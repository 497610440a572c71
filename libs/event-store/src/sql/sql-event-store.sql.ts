/**
 * The SQL of the event store, one text for PostgreSQL (≥ 13, for xid8) and PGlite. Tables live in
 * the schema `event_store` so that read models can share the database.
 */

export const channel = 'laget_event_store';
export const streamVersionConstraint = 'events_stream_version_key';
export const eventIdConstraint = 'events_event_id_key';

export const schema = [
  `CREATE SCHEMA IF NOT EXISTS event_store`,
  // transaction_id: the writing transaction (see docs/adr/0003-event-ordering.md). data and
  // metadata are json, not jsonb: stored as the exact text given, so they round-trip byte for
  // byte (key order included) and cost no conversion on write.
  `CREATE TABLE IF NOT EXISTS event_store.events (
     global_position bigint GENERATED ALWAYS AS IDENTITY,
     transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     stream_id text NOT NULL,
     stream_version integer NOT NULL CHECK (stream_version > 0),
     event_id uuid NOT NULL,
     event_type text NOT NULL,
     data json NOT NULL,
     metadata json NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT now(),
     -- The readers' order is the primary key: one index fewer to maintain on every append.
     CONSTRAINT events_pkey PRIMARY KEY (transaction_id, global_position),
     CONSTRAINT ${streamVersionConstraint} UNIQUE (stream_id, stream_version),
     CONSTRAINT ${eventIdConstraint} UNIQUE (event_id)
   )`,
];

/**
 * One round trip: find the stream's end, check the expected version ($2: 'version' compares it
 * with $3, 'exists' wants a stream, 'any' nothing) and insert the batch behind it. A failed check
 * inserts and returns nothing; two writers that both passed it collide on the unique
 * (stream_id, stream_version) and the later one gets 23505. (A flat INSERT … SELECT measured
 * clearly faster on PGlite than the same logic as a chain of CTEs.)
 */
export const append = `
  INSERT INTO event_store.events (stream_id, stream_version, event_id, event_type, data, metadata)
  SELECT $1, stream_end.version + e.n, e.id, e.type, e.data::json, e.metadata::json
  FROM (SELECT coalesce(max(stream_version), 0) AS version FROM event_store.events WHERE stream_id = $1) AS stream_end
  CROSS JOIN unnest($4::uuid[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS e(id, type, data, metadata, n)
  WHERE CASE $2::text
    WHEN 'version' THEN stream_end.version = $3::integer
    WHEN 'exists' THEN stream_end.version > 0
    ELSE true END
  ORDER BY e.n
  RETURNING stream_version, global_position`;

const eventColumns = `global_position, transaction_id::text AS transaction_id, stream_id, stream_version,
  event_id::text AS event_id, event_type, data, metadata, recorded_at`;

/**
 * Only transactions below the oldest one still running are certainly finished: anything at or
 * above it may still be joined by a transaction that took its position earlier and commits later.
 */
export const readAll = `
  SELECT ${eventColumns}
  FROM event_store.events
  WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
  ORDER BY transaction_id, global_position
  LIMIT $3`;

/** Committed events that readAll still holds back because an older transaction is running. */
export const heldBack = `
  SELECT EXISTS (
    SELECT 1 FROM event_store.events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())
  ) AS held`;

export const readStream = `
  SELECT ${eventColumns}
  FROM event_store.events
  WHERE stream_id = $1 AND stream_version >= $2
  ORDER BY stream_version
  LIMIT $3`;

export const head = `
  SELECT transaction_id::text AS transaction_id, global_position
  FROM event_store.events
  ORDER BY transaction_id DESC, global_position DESC
  LIMIT 1`;

export const streamEnd = `
  SELECT coalesce(max(stream_version), 0) AS version, max(global_position) AS global_position
  FROM event_store.events WHERE stream_id = $1`;

export const findEvents = `
  SELECT event_id::text AS event_id, stream_id, stream_version, global_position
  FROM event_store.events WHERE event_id = ANY($1::uuid[])
  ORDER BY global_position`;

export const notify = `SELECT pg_notify($1, '')`;
