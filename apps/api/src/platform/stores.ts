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

/** The event store and the read-model database, opened as the configuration says. */
export interface Stores {
  eventStore: EventStore;
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
  const eventStore: EventStore =
    config.eventStore === 'eventstoredb'
      ? new KurrentEventStore(requireSetting(config.eventStoreUrl, 'EVENTSTORE_URL'), {
          streamPrefix: config.eventStoreStreamPrefix ?? '',
        })
      : new SqlEventStore(readDb);
  await eventStore.init();
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
