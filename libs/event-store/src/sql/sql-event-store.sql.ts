/**
 * The SQL of the event store, one text for PostgreSQL (≥ 13, for xid8) and PGlite. Tables live in
 * the schema `event_store` so that read models can share the database.
 */

export const channel = 'laget_event_store';
export const streamVersionConstraint = 'events_stream_version_key';
export const eventIdConstraint = 'events_event_id_key';
export const appendKeyConstraint = 'append_keys_pkey';

/**
 * One round trip: find the stream's end, check the expected version (p_check 'version' compares
 * it with p_version, 'exists' wants a stream, 'any' nothing) and that each guard stream is still
 * at its version (0: no events), and insert the batch behind it. A failed check inserts and
 * returns nothing; two writers that both passed it collide on the unique (stream_id,
 * stream_version) and the later one gets 23505.
 *
 * It is a PL/pgSQL function rather than a statement sent each time because PL/pgSQL keeps the
 * statement's plan for the session: planning this join on every append cost PGlite more than
 * half its append rate and PostgreSQL 15 about a third with eight writers. (A LANGUAGE sql
 * function caches its plan only from PostgreSQL 18 on.)
 */
const appendFunction = `
  CREATE OR REPLACE FUNCTION event_store.append_events(
    p_stream text, p_check text, p_version integer,
    p_ids uuid[], p_types text[], p_data text[], p_metadata text[],
    p_guard_streams text[], p_guard_versions integer[], p_key text
  ) RETURNS TABLE (stream_version integer, global_position bigint)
  LANGUAGE plpgsql AS $$
  #variable_conflict use_column
  BEGIN
    RETURN QUERY
    WITH inserted AS (
      INSERT INTO event_store.events (stream_id, stream_version, event_id, event_type, data, metadata)
      SELECT p_stream, stream_end.version + e.n, e.id, e.type, e.data::json, e.metadata::json
      FROM (
        SELECT coalesce(max(events.stream_version), 0) AS version
        FROM event_store.events WHERE events.stream_id = p_stream
      ) AS stream_end
      CROSS JOIN unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS e(id, type, data, metadata, n)
      WHERE CASE p_check
        WHEN 'version' THEN stream_end.version = p_version
        WHEN 'exists' THEN stream_end.version > 0
        ELSE true END
      AND NOT EXISTS (
        SELECT 1 FROM unnest(p_guard_streams, p_guard_versions) AS g(stream, version)
        WHERE (SELECT coalesce(max(guarded.stream_version), 0)
               FROM event_store.events AS guarded WHERE guarded.stream_id = g.stream) <> g.version
      )
      ORDER BY e.n
      RETURNING events.stream_version, events.global_position
    ), keyed AS (
      -- The key in the same statement as the events: both are written or neither (a key the
      -- stream already holds violates ${appendKeyConstraint} and so undoes the events too).
      INSERT INTO event_store.append_keys (stream_id, idempotency_key, first_version, last_version, last_global_position)
      SELECT p_stream, p_key, min(inserted.stream_version), max(inserted.stream_version), max(inserted.global_position)
      FROM inserted WHERE p_key IS NOT NULL
      HAVING count(*) > 0
    )
    SELECT inserted.stream_version, inserted.global_position FROM inserted ORDER BY inserted.stream_version;
  END
  $$`;

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
  // Idempotency keys of appends (docs/adr/0014): written by append_events with the events.
  `CREATE TABLE IF NOT EXISTS event_store.append_keys (
     stream_id text NOT NULL,
     idempotency_key text NOT NULL,
     first_version integer NOT NULL,
     last_version integer NOT NULL,
     last_global_position bigint NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT ${appendKeyConstraint} PRIMARY KEY (stream_id, idempotency_key)
   )`,
  // The functions before guards (seven arguments) and before keys (nine) are overloads of their
  // own that this version never calls. A start leaves them be: in a rolling upgrade the instances
  // of the old version still append through them until they stop (docs/adr/0014, "Upgrades").
];

/**
 * CREATE OR REPLACE FUNCTION takes an exclusive lock on the function and rewrites its catalogue row
 * even when nothing changed; a start compares the stored body with this one first and replaces
 * the function only when it differs (a new version of it, or a first start).
 */
export const replaceAppendFunction = appendFunction;
export const appendFunctionUnchanged = `
  SELECT prosrc = $1 AS unchanged FROM pg_proc
  WHERE oid = to_regprocedure('event_store.append_events(text, text, integer, uuid[], text[], text[], text[], text[], integer[], text)')`;
export const appendFunctionBody = /\$\$([\s\S]*)\$\$/.exec(appendFunction)![1]!;

export const append = `SELECT stream_version, global_position FROM event_store.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;

/**
 * Each event as one JSON text: PGlite decodes every column of every row separately, and one
 * field per row read about 1.5 times as fast as nine. recorded_at is formatted as JavaScript's
 * toISOString() does, so it needs no conversion here either.
 */
const eventColumns = `json_build_object(
    'globalPosition', global_position,
    'transactionId', transaction_id::text,
    'streamId', stream_id,
    'streamVersion', stream_version,
    'eventId', event_id,
    'type', event_type,
    'data', data,
    'metadata', metadata,
    'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text AS event`;

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

/**
 * Committed events that readAll still holds back because an older transaction is running: the
 * newest event's transaction is not below the oldest running one. Asked as "the newest event"
 * (one step down the primary key) rather than as EXISTS over a range, which PostgreSQL planned
 * as a scan of the whole table while it had no statistics for it (autovacuum off): 2.4 ms a
 * call at 40,000 events, the largest single cost of the reporting benchmark on the database.
 */
export const heldBack = `
  SELECT COALESCE(
    (SELECT transaction_id FROM event_store.events ORDER BY transaction_id DESC LIMIT 1)
      >= pg_snapshot_xmin(pg_current_snapshot()),
    false
  ) AS held`;

export const readStream = `
  SELECT ${eventColumns}
  FROM event_store.events
  WHERE stream_id = $1 AND stream_version >= $2
  ORDER BY stream_version
  LIMIT $3`;

/**
 * readStream for `count` streams in one statement: a UNION ALL of single-stream reads, so each
 * part is the same index range scan as readStream whatever plan PostgreSQL caches (a lateral
 * join over an array was planned, for a table that grew from empty, as a scan of all events).
 * `ord` says which read a row answers.
 */
export function readStreams(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `(SELECT ${i + 1} AS ord, stream_version, ${eventColumns}
      FROM event_store.events WHERE stream_id = $${2 * i + 1} AND stream_version >= $${2 * i + 2})`,
  )
    .join(' UNION ALL ')
    .concat(' ORDER BY ord, stream_version');
}

/**
 * ORDER BY names the table's columns: the bare name would sort by the text alias of the same
 * name, and "999" sorts after "1000" (a head behind the real one let caughtUp() return early).
 */
export const head = `
  SELECT events.transaction_id::text AS transaction_id, events.global_position
  FROM event_store.events
  ORDER BY events.transaction_id DESC, events.global_position DESC
  LIMIT 1`;

export const streamEnd = `
  SELECT coalesce(max(stream_version), 0) AS version, max(global_position) AS global_position
  FROM event_store.events WHERE stream_id = $1`;

export const findEvents = `
  SELECT event_id::text AS event_id, stream_id, stream_version, global_position
  FROM event_store.events WHERE event_id = ANY($1::uuid[])
  ORDER BY global_position`;

export const notify = `SELECT pg_notify($1, $2)`;

export const findAppend = `
  SELECT stream_id, idempotency_key, first_version, last_version, last_global_position
  FROM event_store.append_keys WHERE stream_id = $1 AND idempotency_key = $2`;
