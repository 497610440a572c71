import { randomBytes } from 'node:crypto';
import { ANY, SqlEventStore, type SqlDatabase } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { DataKeys } from './data-keys.js';
import { EncryptingEventStore } from './encrypting-event-store.js';
import { MasterKeyMismatchError } from './master-key-check.js';

/** Decision (docs/adr/0025, "Master key"): an instance with another master key than the database's does not start. */
describe('the master key is checked at start', () => {
  let db: SqlDatabase;
  beforeEach(async () => {
    db = await freshPglite();
  });
  afterEach(async () => {
    await db.close();
  });

  const start = async (master: Buffer) => {
    const keys = new DataKeys(db, master);
    await keys.init();
    await keys.close();
  };

  it('starts with the key the database was started with, and refuses another in words', async () => {
    const master = randomBytes(32);
    await start(master);
    await start(Buffer.from(master));
    const refused = start(randomBytes(32));
    await expect(refused).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await expect(refused).rejects.toThrow(/LAGET_MASTER_KEY .* same master key/s);
  });

  it('checks a database written before the check against one of its data keys', async () => {
    const master = randomBytes(32);
    const store = new EncryptingEventStore(new SqlEventStore(db), new DataKeys(db, master));
    await store.init();
    await store.append(
      'report-2024-W48.org-1',
      [
        {
          type: 'NarrativeWritten',
          data: { changes: [{ field: 'narrative', before: '', after: 'Olle Berg' }] },
          metadata: {
            actorId: 'u',
            organisationId: null,
            correlationId: 'c',
            causationId: null,
            occurredAt: 'x',
          },
        },
      ],
      { expectedVersion: ANY },
    );
    await store.keys.close();
    // As a database from before this check: keys, and no check value.
    await db.query('DROP TABLE gallring_master_key_check');
    await expect(start(randomBytes(32))).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await start(master);
    await expect(start(randomBytes(32))).rejects.toBeInstanceOf(MasterKeyMismatchError);
  });
});
