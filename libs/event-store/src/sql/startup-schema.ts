import type { SqlDatabase, SqlExecutor } from './sql-database.js';

/**
 * Every instance's start-up schema work (the event store's tables and function, the projections'
 * tables, the platform's own tables) takes this one advisory lock, so instances starting together
 * on one PostgreSQL run it one after the other (docs/adr/0019, "Start-up schema").
 */
export const STARTUP_SCHEMA_LOCK = 'laget:startup-schema';

/** How long one schema statement may wait for a running instance's table lock before retrying. */
const LOCK_TIMEOUT_MS = 2_000;
const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 50;

export interface StartupSchemaOptions {
  /** For tests; default 8 attempts. */
  maxAttempts?: number;
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs one start-up schema step in its own transaction that first takes the shared advisory lock.
 * A transaction-level lock (rather than a session lock held across every step) because the steps
 * are spread over the event store and the application's modules, each on whatever pooled
 * connection its transaction gets: the lock is held exactly as long as the step's DDL locks and
 * cannot outlive a failed step or leak on a pooled connection. PGlite has one connection, where
 * the lock is a no-op that still works.
 *
 * The advisory lock orders starting instances; a running instance's transactions still take
 * row and table locks the step's DDL may have to wait for, in the opposite order. A deadlock
 * (40P01) or a lock wait longer than the lock timeout (55P03) rolls the step back and retries it
 * after a short backoff, instead of failing the start.
 */
export async function withStartupSchemaLock<T>(
  db: SqlDatabase,
  step: (tx: SqlExecutor) => Promise<T>,
  options: StartupSchemaOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        // Waiting for the advisory lock is not bounded by lock_timeout: it is set only after.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [STARTUP_SCHEMA_LOCK]);
        await tx.query(`SET LOCAL lock_timeout = ${LOCK_TIMEOUT_MS}`);
        return step(tx);
      });
    } catch (error) {
      if (!isLockConflict(error) || attempt >= maxAttempts) throw error;
      options.onRetry?.(error, attempt);
      const backoff = FIRST_BACKOFF_MS * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, backoff + Math.random() * backoff));
    }
  }
}

/** Deadlock detected (40P01) or lock not available (55P03, also a lock_timeout). */
export function isLockConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '55P03';
}

/**
 * `CREATE INDEX IF NOT EXISTS` takes a SHARE lock on the table even when the index exists, and
 * waits behind every running writer of it; asking the catalogue first takes no table lock.
 * `name` is the index's (unqualified, or schema-qualified) name as in `ddl`.
 */
export async function createIndexIfMissing(sql: SqlExecutor, name: string, ddl: string): Promise<void> {
  const { rows } = await sql.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
    name,
  ]);
  if (!rows[0]?.present) await sql.query(ddl);
}

/**
 * `ALTER TABLE … ADD COLUMN IF NOT EXISTS` takes an ACCESS EXCLUSIVE lock on the table even when
 * the column exists: asking the catalogue first leaves a table that has it untouched.
 */
export async function addColumnIfMissing(
  sql: SqlExecutor,
  table: string,
  column: string,
  definition: string,
): Promise<void> {
  const { rows } = await sql.query(
    'SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = $2 AND NOT attisdropped',
    [table, column],
  );
  if (rows.length === 0)
    await sql.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${definition}`);
}
