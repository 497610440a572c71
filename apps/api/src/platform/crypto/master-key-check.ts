import { createHmac } from 'node:crypto';
import type { SqlExecutor } from '@laget/event-store';
import { unwrapKey } from './value-cipher.js';

export const MASTER_KEY_CHECK_DDL = `CREATE TABLE IF NOT EXISTS gallring_master_key_check (
  id integer PRIMARY KEY CHECK (id = 1),
  check_value text NOT NULL
)`;

/** Says the key is the same without saying the key: an HMAC of a fixed text under it. */
const checkValueOf = (master: Buffer) =>
  createHmac('sha256', master).update('laget master key check v1').digest('hex');

export class MasterKeyMismatchError extends Error {
  override readonly name = 'MasterKeyMismatchError';
  constructor() {
    super(
      'LAGET_MASTER_KEY (or DATA_DIR/master.key where it is not set) is not the master key this ' +
        "database's data keys were wrapped with. Every instance on one database must use the same " +
        'master key: set LAGET_MASTER_KEY to the key the first instance used (docs/adr/0025). ' +
        'Starting with another would read every personal text as unreadable.',
    );
  }
}

/**
 * At start, before anything is read or written (docs/adr/0025, "Master key"): an instance whose
 * master key is not the database's refuses to start, in words, instead of failing on every
 * sealed value it reads and wrapping new keys no other instance can open. The first instance on
 * a database records the check value; a database with keys but no check value yet (written before
 * this check) is checked against one of its keys first. Runs under the start-up schema lock, so
 * two first instances with different keys cannot both record theirs.
 */
export async function verifyMasterKey(tx: SqlExecutor, master: Buffer): Promise<void> {
  await tx.query(MASTER_KEY_CHECK_DDL);
  const expected = checkValueOf(master);
  const { rows } = await tx.query<{ check_value: string }>(
    'SELECT check_value FROM gallring_master_key_check WHERE id = 1',
  );
  if (rows[0]) {
    if (rows[0].check_value !== expected) throw new MasterKeyMismatchError();
    return;
  }
  const { rows: keys } = await tx.query<{ key_id: string; wrapped: string }>(
    'SELECT key_id, wrapped FROM gallring_data_keys LIMIT 1',
  );
  if (keys[0]) {
    try {
      unwrapKey(master, keys[0].key_id, keys[0].wrapped);
    } catch {
      throw new MasterKeyMismatchError();
    }
  }
  await tx.query(
    'INSERT INTO gallring_master_key_check (id, check_value) VALUES (1, $1) ON CONFLICT DO NOTHING',
    [expected],
  );
}
