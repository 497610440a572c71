import type { KeyedAppend } from '../event-store.js';
import type { SqlExecutor } from './sql-database.js';
import * as sql from './sql-event-store.sql.js';

interface KeyedAppendRow {
  stream_id: string;
  idempotency_key: string;
  first_version: number;
  last_version: number;
  last_global_position: number | string;
}

/** At most this many characters in an idempotency key (the HTTP layer prefixes the client's ≤ 200). */
export const MAX_KEY_LENGTH = 500;

export async function findKeyedAppend(
  executor: SqlExecutor,
  streamId: string,
  idempotencyKey: string,
): Promise<KeyedAppend | null> {
  const { rows } = await executor.query<KeyedAppendRow>(sql.findAppend, [streamId, idempotencyKey]);
  const row = rows[0];
  if (!row) return null;
  return {
    streamId: row.stream_id,
    idempotencyKey: row.idempotency_key,
    firstVersion: row.first_version,
    lastVersion: row.last_version,
    lastGlobalPosition: Number(row.last_global_position),
  };
}
