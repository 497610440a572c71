import { randomUUID } from 'node:crypto';
import { createTestDatabase, serviceAvailable } from '../../../../test/support/services.js';
import { freshPglite } from '../testing.js';
import { openPostgres } from './postgres-database.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlEventStore } from './sql-event-store.js';

/**
 * Decision (docs/adr/0014, "Upgrades"): in a rolling upgrade the instances of the old version go
 * on appending while the new one starts. A start creates the append function it calls and leaves
 * the overloads older versions call in place, so their appends keep working until they stop.
 */
const engines = serviceAvailable('postgres') ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

/** The append function of the version before idempotency keys (nine arguments), as it shipped. */
const nineArgumentAppend = `
  CREATE OR REPLACE FUNCTION event_store.append_events(
    p_stream text, p_check text, p_version integer,
    p_ids uuid[], p_types text[], p_data text[], p_metadata text[],
    p_guard_streams text[], p_guard_versions integer[]
  ) RETURNS TABLE (stream_version integer, global_position bigint)
  LANGUAGE plpgsql AS $$
  #variable_conflict use_column
  BEGIN
    RETURN QUERY
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
    RETURNING events.stream_version, events.global_position;
  END
  $$`;

/** How an instance of that version appended. */
const oldAppend = `SELECT stream_version FROM event_store.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

describe.each(engines)('a rolling upgrade (%s)', (engine) => {
  let db: SqlDatabase;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const database = await createTestDatabase();
      drop = database.drop;
      db = openPostgres(database.url, { max: 2 });
    } else {
      db = await freshPglite();
    }
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  it('leaves the old version its append function: its instances append on beside the new one', async () => {
    // The old version's start: the schema, and its own append function.
    const oldStore = new SqlEventStore(db);
    await oldStore.init();
    await db.query(nineArgumentAppend);
    await oldStore.close();

    const newStore = new SqlEventStore(db);
    await newStore.init();
    try {
      const metadata = JSON.stringify({ actorId: 'user-1', occurredAt: '2024-11-25T08:30:00+01:00' });
      const { rows } = await db.query<{ stream_version: number }>(oldAppend, [
        'report-2024-W48.org-1',
        'any',
        0,
        [randomUUID()],
        ['ReportOpened'],
        [JSON.stringify({ period: '2024-W48' })],
        [metadata],
        [],
        [],
      ]);
      expect(rows).toEqual([{ stream_version: 1 }]);
      const [event] = await newStore.readStream('report-2024-W48.org-1');
      expect(event).toMatchObject({ type: 'ReportOpened', data: { period: '2024-W48' } });
    } finally {
      await newStore.close();
    }
  });
});
