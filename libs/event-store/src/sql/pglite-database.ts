import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { AdvisoryLock, SqlDatabase, SqlExecutor } from './sql-database.js';

/**
 * A SqlDatabase over embedded PGlite: file-backed under dataDir, in memory without one.
 *
 * PGlite has a single connection and runs in this process only. Its own mutex already queues
 * every query behind an open transaction, so transactions are serialised; advisory locks are a
 * process-local table, which is exact because no other process can open the same database.
 */
export async function openPglite(dataDir?: string): Promise<SqlDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return wrapPglite(await PGlite.create(dataDir ? { dataDir } : {}));
}

/** Wraps an already created PGlite (tests load a prepared data directory this way). */
export function wrapPglite(db: PGlite): SqlDatabase {
  const heldLocks = new Set<string>();
  const executor = (target: Pick<PGlite, 'query'>): SqlExecutor['query'] => {
    return async <Row>(text: string, params?: readonly unknown[]) => {
      const result = await target.query<Row>(text, params as unknown[] | undefined);
      return { rows: result.rows };
    };
  };

  return {
    engine: 'pglite',
    query: executor(db),
    transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
      db.transaction((tx) => fn({ query: executor(tx) })),
    tryAcquireAdvisoryLock: async (key): Promise<AdvisoryLock | null> => {
      if (heldLocks.has(key)) return null;
      heldLocks.add(key);
      return {
        lost: new Promise<Error>(() => undefined), // a lock in this process is lost only with the process
        release: async () => {
          heldLocks.delete(key);
        },
      };
    },
    listen: async (channel, onNotify) => {
      const unlisten = await db.listen(channel, onNotify);
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}
