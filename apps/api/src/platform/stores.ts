import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type EventStore,
  KurrentEventStore,
  type SqlDatabase,
  SqlEventStore,
  openPglite,
  openPostgres,
} from '@laget/event-store';
import type { AppConfig } from '../config/app-config.js';
import { DataKeys } from './crypto/data-keys.js';
import { EncryptingEventStore } from './crypto/encrypting-event-store.js';
import { encryptExistingEvents } from './crypto/encrypt-existing.js';
import { loadMasterKey } from './crypto/master-key.js';

/** The event store and the read-model database, opened as the configuration says. */
export interface Stores {
  eventStore: EncryptingEventStore;
  readDb: SqlDatabase;
  close(): Promise<void>;
}

/**
 * PGlite (one embedded database in DATA_DIR holding events and read models) is the zero-setup
 * default; with EVENT_STORE=postgres both live in DATABASE_URL; with EVENT_STORE=eventstoredb
 * the events live in EventStoreDB/KurrentDB and the read models in DATABASE_URL, or in PGlite
 * when none is given.
 */
export async function openStores(config: AppConfig): Promise<Stores> {
  const readDb =
    config.readStore === 'postgres'
      ? openPostgres(requireSetting(config.databaseUrl, 'DATABASE_URL'))
      : await openEmbedded(config.dataDir);
  const adapter: EventStore =
    config.eventStore === 'eventstoredb'
      ? new KurrentEventStore(requireSetting(config.eventStoreUrl, 'EVENTSTORE_URL'), {
          streamPrefix: config.eventStoreStreamPrefix ?? '',
        })
      : new SqlEventStore(readDb);
  // Personal data is sealed above the adapter, so every adapter stores it alike (docs/adr/0025).
  const keys = new DataKeys(readDb, await loadMasterKey(config.masterKey, config.dataDir));
  const eventStore = new EncryptingEventStore(adapter, keys);
  await eventStore.init();
  // Events written before the layer existed are sealed once, in place (SQL stores only).
  await encryptExistingEvents(eventStore, readDb);
  return {
    eventStore,
    readDb,
    close: async () => {
      await eventStore.close();
      await readDb.close();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<SqlDatabase> {
  const directory = join(dataDir, 'pglite');
  await mkdir(directory, { recursive: true });
  return openPglite(directory);
}

function requireSetting(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required`);
  return value;
}
