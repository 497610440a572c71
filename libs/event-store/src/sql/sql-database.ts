/**
 * The small SQL surface that the PostgreSQL and PGlite adapters, the projections and the read
 * store share, so that one SQL text serves both engines.
 */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction on one connection; rolls back when fn throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Takes a session-level PostgreSQL advisory lock on a connection of its own, or resolves null
   * when another session holds it. Used so that each projection and reactor runs in exactly one
   * instance; the lock goes with its connection when that instance dies.
   */
  tryAcquireAdvisoryLock(key: string): Promise<AdvisoryLock | null>;
  /**
   * Calls onNotify for every NOTIFY on channel, from any session of the database, until the
   * returned function is called. Optional: an engine without it is polled instead.
   */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface AdvisoryLock {
  release(): Promise<void>;
  /**
   * Resolves (never rejects) when the lock was lost without release(): the connection holding it
   * died, so another instance may take over. Whoever holds the lock should stop working then.
   */
  readonly lost: Promise<Error>;
}
