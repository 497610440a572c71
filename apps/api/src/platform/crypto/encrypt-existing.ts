import type { Checkpoint, SqlDatabase } from '@laget/event-store';
import type { EncryptingEventStore } from './encrypting-event-store.js';
import { hasPersonalData, visitPersonalData } from './personal-data.js';
import { SealedIps } from './sealed-ips.js';
import { isEncrypted, sealedValueOf } from './value-cipher.js';

export const REWRITE_MARKER_DDL = `CREATE TABLE IF NOT EXISTS gallring_rewrites (
  revision integer PRIMARY KEY,
  rewritten integer NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Which list of personal-data places (personal-data.ts) the stored events were last rewritten
 * for. Raise it when a place is added: the rewrite runs once more and seals what the new
 * places name in events written before. 2: the police's notes per crime category. 3: every
 * event's `metadata.ip`, sealed under its month's key (docs/adr/0034), whatever the event's type.
 * (Revision 1 was marked in the table `gallring_rewrite`, which is no longer read.)
 */
export const PERSONAL_DATA_REVISION = 3;

/**
 * The migration of events written before encryption (docs/adr/0025): every event whose personal
 * data is still plain text is rewritten in place, sealed exactly as a new append would seal it.
 * Only where the events live in SQL (PGlite, PostgreSQL); KurrentDB's events cannot be rewritten
 * (copy such a store into a new one through the application instead). Runs once per revision of
 * the places: a marker row says it has finished, and every event appended since is sealed already.
 * Idempotent (sealed values are left alone), so an interrupted run is simply run again.
 */
export async function encryptExistingEvents(
  store: EncryptingEventStore,
  db: SqlDatabase,
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<number> {
  if (store.kind === 'eventstoredb') return 0;
  await db.query(REWRITE_MARKER_DDL);
  const { rows } = await db.query(`SELECT 1 FROM gallring_rewrites WHERE revision >= $1`, [
    PERSONAL_DATA_REVISION,
  ]);
  if (rows.length > 0) return 0;
  let rewritten = 0;
  let from: Checkpoint | null = null;
  for (;;) {
    const { events, checkpoint } = await store.raw.readAll(from, batchSize);
    if (events.length === 0) break;
    for (const event of events) {
      let plain = false;
      let sealedWhole = false;
      if (hasPersonalData(event.type))
        visitPersonalData(event.type, event.data, (_pointer, value) => {
          if (value !== '' && !isEncrypted(value)) plain = true;
          const sealed = sealedValueOf(value);
          if (sealed && sealed.format !== 'enc1') sealedWhole = true;
        });
      if (!plain && !SealedIps.isPlain(event)) continue;
      // An event sealed whole (enc2) that a longer list now finds plain text in is opened and
      // sealed whole again: a second envelope beside the first would make it unreadable (ADR 0032).
      // Its metadata stays as stored: an address sealed already is left as it is (opened, one
      // whose month was shredded would be sealed again as "[gallrad]").
      const source =
        plain && sealedWhole
          ? { ...(await store.decrypt([structuredClone(event)]))[0]!, metadata: event.metadata }
          : event;
      const [sealed] = await store.encrypt(event.streamId, [source]);
      await db.query(
        `UPDATE event_store.events SET data = $1::json, metadata = $2::json WHERE event_id = $3`,
        [JSON.stringify(sealed!.data), JSON.stringify(sealed!.metadata), event.eventId],
      );
      rewritten++;
    }
    from = checkpoint;
  }
  await db.query(
    `INSERT INTO gallring_rewrites (revision, rewritten) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [PERSONAL_DATA_REVISION, rewritten],
  );
  return rewritten;
}
