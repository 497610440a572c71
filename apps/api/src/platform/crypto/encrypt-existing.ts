import type { Checkpoint, SqlDatabase } from '@laget/event-store';
import type { EncryptingEventStore } from './encrypting-event-store.js';
import { hasPersonalData, visitPersonalData } from './personal-data.js';
import { isEncrypted } from './value-cipher.js';

export const REWRITE_MARKER_DDL = `CREATE TABLE IF NOT EXISTS gallring_rewrite (
  done boolean PRIMARY KEY,
  rewritten integer NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * The migration of events written before encryption (docs/adr/0025): every event whose personal
 * data is still plain text is rewritten in place, sealed exactly as a new append would seal it.
 * Only where the events live in SQL (PGlite, PostgreSQL); KurrentDB's events cannot be rewritten
 * (copy such a store into a new one through the application instead). Runs once: a marker row
 * says it has finished, and every event appended since the layer exists is sealed already.
 * Idempotent (sealed values are left alone), so an interrupted run is simply run again.
 */
export async function encryptExistingEvents(
  store: EncryptingEventStore,
  db: SqlDatabase,
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<number> {
  if (store.kind === 'eventstoredb') return 0;
  await db.query(REWRITE_MARKER_DDL);
  const { rows } = await db.query(`SELECT 1 FROM gallring_rewrite WHERE done`);
  if (rows.length > 0) return 0;
  let rewritten = 0;
  let from: Checkpoint | null = null;
  for (;;) {
    const { events, checkpoint } = await store.raw.readAll(from, batchSize);
    if (events.length === 0) break;
    for (const event of events) {
      if (!hasPersonalData(event.type)) continue;
      let plain = false;
      visitPersonalData(event.type, event.data, (_pointer, value) => {
        if (value !== '' && !isEncrypted(value)) plain = true;
      });
      if (!plain) continue;
      const [sealed] = await store.encrypt(event.streamId, [event]);
      await db.query(`UPDATE event_store.events SET data = $1::json WHERE event_id = $2`, [
        JSON.stringify(sealed!.data),
        event.eventId,
      ]);
      rewritten++;
    }
    from = checkpoint;
  }
  await db.query(`INSERT INTO gallring_rewrite (done, rewritten) VALUES (true, $1) ON CONFLICT DO NOTHING`, [
    rewritten,
  ]);
  return rewritten;
}
