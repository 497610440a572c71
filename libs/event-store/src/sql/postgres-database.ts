import { createHash } from 'node:crypto';
import pg from 'pg';
import { DatabaseUnavailableError, ReconnectBackoff } from './connection-errors.js';
import type { AdvisoryLock, SqlDatabase, SqlExecutor } from './sql-database.js';

export interface PostgresOptions {
  /** Pool size; default 10. Advisory locks and LISTEN use one connection each on top. */
  max?: number;
  /** How long a request waits for a pool connection before it fails (503 over HTTP); default 10 s. */
  connectionTimeoutMs?: number;
}

const INT8_OID = 20;
/** A dedicated connection's connect gives up after this, so a host that stopped answering cannot hang it. */
const dedicatedConnectTimeoutMs = 10_000;

/**
 * int8 (bigint, count(*), global positions) as JS numbers where they fit, so that PostgreSQL and
 * PGlite answer alike; larger values stay strings rather than silently losing digits.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') {
      return (value: string) => {
        const n = Number(value);
        return Number.isSafeInteger(n) ? n : value;
      };
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Statements with parameters are the ones the code sends again and again (appends, stream reads,
 * logins, read-model updates), so each is prepared once per connection under a name derived from
 * its text: PostgreSQL then skips parsing and planning on every later use, which was the largest
 * part of its CPU time per reporting command. Statements without parameters (DDL, BEGIN, LISTEN)
 * are sent as they are. The texts come from our code, so their number is small; past
 * `maxPreparedTexts` new texts are no longer prepared rather than filling every connection's memory.
 */
const maxPreparedTexts = 2_000;
const statementNames = new Map<string, string>();

function preparedQuery(text: string, params: readonly unknown[] | undefined): pg.QueryConfig {
  const values = params as unknown[] | undefined;
  if (!values || values.length === 0) return { text };
  let name = statementNames.get(text);
  if (!name && statementNames.size < maxPreparedTexts) {
    name = `laget_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name ? { name, text, values } : { text, values };
}

/** A SqlDatabase over a `pg` pool. */
export function openPostgres(url: string, options: PostgresOptions = {}): SqlDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    types,
  });
  // An idle client that loses its connection emits on the pool; the pool drops it and the next
  // query opens a fresh one, so there is nothing to do but not crash the process.
  pool.on('error', () => undefined);
  const listener = new NotificationListener(url);
  const locks = new AdvisoryLockSession(url);

  return {
    engine: 'postgres',
    query: async <Row>(text: string, params?: readonly unknown[]) => {
      const result = await pool.query(preparedQuery(text, params));
      return { rows: result.rows as Row[] };
    },
    transaction: async <T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
      const { client, broken, release } = await checkOut(pool);
      let rollbackFailed: unknown;
      try {
        await client.query('BEGIN');
        const tx: SqlExecutor = {
          query: async <Row>(text: string, params?: readonly unknown[]) => {
            const result = await client.query(preparedQuery(text, params));
            return { rows: result.rows as Row[] };
          },
        };
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          rollbackFailed = rollbackError; // the connection is gone; do not hand it to the next caller
        }
        throw error;
      } finally {
        release(broken() ?? (rollbackFailed instanceof Error ? rollbackFailed : undefined));
      }
    },
    tryAcquireAdvisoryLock: (key) => locks.tryAcquire(key),
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    close: async () => {
      await locks.close();
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * A pool client for a transaction, listened to for 'error' while it is checked out. pg-pool
 * listens only on idle clients, and a client whose server goes away (a restart: 57P01) emits
 * 'error', which with no listener ends the process; the statement in flight, if any, fails on
 * its own. The listener is attached in pg-pool's callback, in the same tick as the hand-over:
 * after `await pool.connect()` it would come a microtask late, and the server's 57P01 can arrive
 * in the same network read as the answer that freed the client for us. A client that broke is
 * released with its error, so the pool drops it instead of handing it to the next caller.
 */
function checkOut(
  pool: pg.Pool,
): Promise<{ client: pg.PoolClient; broken: () => Error | undefined; release: (error?: Error) => void }> {
  return new Promise((resolve, reject) => {
    pool.connect((error, client) => {
      if (error || !client) {
        reject(error ?? new Error('The pool handed out no client'));
        return;
      }
      let broken: Error | undefined;
      const onError = (lost: Error) => (broken ??= lost);
      client.on('error', onError);
      resolve({
        client,
        broken: () => broken,
        release: (failure) => {
          client.removeListener('error', onError);
          client.release(failure);
        },
      });
    });
  });
}

/**
 * One connection of its own holding every session-level advisory lock this database object
 * takes: a session lock lives as long as its connection, so the pool must not hand that
 * connection to anyone else, and the locks must die with it. Sharing one session keeps an API
 * instance at one lock connection however many projections and reactors it runs.
 */
class AdvisoryLockSession {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  /** Held (or being taken) keys and how to tell their holder the lock is gone. Session locks stack, so a key is taken once here. */
  private readonly held = new Map<string, (error: Error) => void>();
  private readonly serial = new SerialQueue();
  private readonly backoff = new ReconnectBackoff();
  /** After a failed connect, no new attempt before this time (ms since epoch): holders ask again on their own timers. */
  private nextAttemptAt = 0;

  constructor(private readonly url: string) {}

  async tryAcquire(key: string): Promise<AdvisoryLock | null> {
    if (this.held.has(key)) return null;
    let reportLost: (error: Error) => void = () => undefined;
    const lost = new Promise<Error>((resolve) => (reportLost = resolve));
    this.held.set(key, (error) => reportLost(error));
    let client: pg.Client;
    try {
      client = await this.connection();
      const { rows } = await this.serial.run(() =>
        client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]),
      );
      if (!rows[0]?.locked) {
        this.held.delete(key);
        return null;
      }
    } catch (error) {
      this.held.delete(key);
      throw error;
    }
    return {
      lost,
      release: async () => {
        if (!this.held.delete(key) || this.client !== client) return;
        await this.serial
          .run(() => client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]))
          .catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.dropConnection(new Error('The database was closed'));
    await client?.end().catch(() => undefined);
  }

  /**
   * The session's connection, opened on demand. While the database is gone every projection asks
   * for its lock on its own timer; after a failed connect they are answered at once until the
   * backoff has passed, so the database sees one attempt per backoff step, not one per projection.
   */
  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.connecting && Date.now() < this.nextAttemptAt) {
      return Promise.reject(new DatabaseUnavailableError('advisory locks'));
    }
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.url,
        types,
        connectionTimeoutMillis: dedicatedConnectTimeoutMs,
      });
      client.on('error', (error) => this.dropConnection(error, client));
      client.on('end', () => this.dropConnection(new Error('Advisory lock connection ended'), client));
      try {
        await client.connect();
      } catch (error) {
        this.connecting = null;
        this.nextAttemptAt = Date.now() + this.backoff.next();
        throw error;
      }
      this.backoff.succeeded();
      this.client = client;
      this.connecting = null;
      return client;
    })();
    return this.connecting;
  }

  /** Every lock of the session is gone with it: tell each holder, and start afresh on the next acquire. */
  private dropConnection(error: Error, client: pg.Client | null = this.client): void {
    if (client !== this.client) return;
    this.client = null;
    const holders = [...this.held.values()];
    this.held.clear();
    for (const reportLost of holders) reportLost(error);
  }
}

/**
 * One dedicated connection doing LISTEN for all channels of one database. When it drops it is
 * reopened, with every channel listened to again, on the next listen() or after a backoff that
 * grows while the database stays away (capped, jittered); subscribers poll meanwhile, so a lost
 * notification delays delivery but never loses an event.
 */
class NotificationListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly serial = new SerialQueue();
  private readonly backoff = new ReconnectBackoff();

  constructor(private readonly url: string) {}

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    const isNewChannel = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(onNotify);
    try {
      const client = await this.connection();
      if (isNewChannel) await this.serial.run(() => client.query(`LISTEN ${quoteIdent(channel)}`));
    } catch {
      this.scheduleReconnect();
    }
    return async () => {
      set.delete(onNotify);
      if (set.size > 0) return;
      this.handlers.delete(channel);
      const client = this.client;
      await this.serial
        .run(async () => client?.query(`UNLISTEN ${quoteIdent(channel)}`))
        .catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.connecting) return this.connecting;
    this.connecting = (async () => {
      const client = new pg.Client({
        connectionString: this.url,
        connectionTimeoutMillis: dedicatedConnectTimeoutMs,
      });
      client.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      const onLost = () => {
        if (this.client === client) this.client = null;
        this.scheduleReconnect();
      };
      client.on('error', onLost);
      client.on('end', onLost);
      try {
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      if (this.closed) {
        await client.end();
        throw new Error('The database was closed');
      }
      this.backoff.succeeded();
      this.client = client;
      return client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry || this.handlers.size === 0) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connection().catch(() => this.scheduleReconnect());
    }, this.backoff.next());
    this.retry.unref();
  }
}

/**
 * One query at a time on a connection shared by several callers: pg queues concurrent queries on
 * one client itself, but that is deprecated and goes away in pg 9.
 */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
