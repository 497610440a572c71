import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { AdvisoryLock, SqlDatabase, SqlExecutor } from './sql-database.js';

/**
 * A SqlDatabase over embedded PGlite: file-backed under dataDir, in memory without one.
 *
 * PGlite has a single connection and runs in this process only. Its own mutex already queues
 * every query behind an open transaction, so transactions are serialised; advisory locks are a
 * process-local table, which is exact because no other process can open the same database.
 * A query on the database (not the transaction's executor) from inside a transaction would wait
 * for itself; it is refused with an error that says so instead of hanging.
 */
export async function openPglite(dataDir?: string): Promise<SqlDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return wrapPglite(await PGlite.create(dataDir ? { dataDir } : {}));
}

/** Wraps an already created PGlite (tests load a prepared data directory this way). */
export function wrapPglite(db: PGlite): SqlDatabase {
  const heldLocks = new Set<string>();
  // Which transaction, if any, the current async call chain runs inside (see refuseInsideTransaction).
  const openTransaction = new AsyncLocalStorage<{ open: boolean }>();
  const refuseInsideTransaction = (what: string) => {
    if (openTransaction.getStore()?.open) {
      throw new Error(
        `PGlite: ${what} inside transaction() would wait for that transaction to end, forever. ` +
          'Use the executor passed to the transaction callback, or do it after the transaction.',
      );
    }
  };
  const executor = (target: Pick<PGlite, 'query'>): SqlExecutor['query'] => {
    return async <Row>(text: string, params?: readonly unknown[]) => {
      const result = await target.query<Row>(text, params as unknown[] | undefined);
      return { rows: result.rows };
    };
  };
  const query = executor(db);

  return {
    engine: 'pglite',
    query: async <Row>(text: string, params?: readonly unknown[]) => {
      refuseInsideTransaction('db.query()');
      return query<Row>(text, params);
    },
    transaction: async <T>(fn: (tx: SqlExecutor) => Promise<T>) => {
      refuseInsideTransaction('a nested transaction()');
      return db.transaction(async (tx) => {
        const state = { open: true };
        try {
          return await openTransaction.run(state, () => fn({ query: executor(tx) }));
        } finally {
          state.open = false; // work started inside but running later is not inside any more
        }
      });
    },
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
