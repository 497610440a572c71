/**
 * Whether a failure says the database cannot be reached right now (stopped, restarting, failing
 * over, out of connections), as opposed to a refusal of what was asked. The HTTP layer answers
 * such a failure 503 with Retry-After, and `/health/ready` names the database as down
 * (docs/adr/0017).
 *
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (administrator, crash shutdown, cannot
 * connect now) and 53300 (too many connections); Node's socket errors; and the messages `pg`
 * gives a connection that ended under it or a pool that waited too long for one.
 */
const unavailableSqlState = /^(08...|57P0[123]|53300)$/;
const unavailableNodeCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const unavailableMessage =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|Database connection is (unavailable|closed)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as Error).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableSqlState.test(code) || unavailableNodeCodes.has(code))) {
      return true;
    }
    if (e instanceof Error && unavailableMessage.test(e.message)) return true;
    // Node's connect to a name with several addresses fails with every address's error at once.
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** Thrown without trying while a dedicated connection waits out its reconnect backoff. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    what: string,
    override readonly cause?: unknown,
  ) {
    super(`Database connection is unavailable (${what}); retrying with backoff`);
  }
}

/**
 * Capped exponential backoff with jitter (each pause between half and all of its ceiling) for reconnecting a dedicated connection: instances
 * that lost the database together do not all knock at once when it returns.
 */
export class ReconnectBackoff {
  private failures = 0;

  constructor(
    private readonly baseMs = 200,
    private readonly capMs = 10_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The pause before the next attempt, growing with each failure in a row. */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** this.failures);
    this.failures = Math.min(this.failures + 1, 30);
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  succeeded(): void {
    this.failures = 0;
  }
}
