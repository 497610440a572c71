import { randomBytes, randomUUID } from 'node:crypto';
import { type SqlDatabase, type SqlExecutor, withStartupSchemaLock } from '@laget/event-store';
import { BoundedCache } from './bounded-cache.js';
import { verifyMasterKey } from './master-key-check.js';
import { eventKey, openEventValues, unwrapKey, valueKey, valueRef, wrapKey } from './value-cipher.js';

/**
 * The key table in the read store (docs/adr/0025): one data key per subject (a report, a week's
 * lägesbild, a login, an e-mail), tagged with its kind and week so a retention rule finds what has
 * passed its time; each wrapped by the master key. Deleting a subject's row shreds every value
 * written under it. An erasure that must keep the rest of a subject readable first stores what
 * it keeps, then deletes the subject's key: the derived keys of values sealed one by one
 * (gallring_value_keys, enc1) and of events it keeps whole (gallring_event_keys, enc2), and the
 * kept values of each event it erases a part of, sealed by the master key (gallring_kept_values:
 * an enc2 event's key would open its erased values too, docs/adr/0032).
 */
export const DATA_KEYS_DDL = [
  `CREATE TABLE IF NOT EXISTS gallring_data_keys (
     key_id text PRIMARY KEY,
     subject text NOT NULL,
     kind text NOT NULL,
     week text,
     wrapped text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS gallring_data_keys_subject ON gallring_data_keys (subject)`,
  `CREATE TABLE IF NOT EXISTS gallring_value_keys (
     key_id text NOT NULL,
     value_ref text NOT NULL,
     wrapped text NOT NULL,
     PRIMARY KEY (key_id, value_ref)
   )`,
  // Events sealed whole (enc2, docs/adr/0032): after a partial erasure, the derived keys of the
  // subject's events it keeps whole, and the kept values of each event it erased a part of.
  `CREATE TABLE IF NOT EXISTS gallring_event_keys (
     key_id text NOT NULL,
     event_id text NOT NULL,
     wrapped text NOT NULL,
     PRIMARY KEY (key_id, event_id)
   )`,
  `CREATE TABLE IF NOT EXISTS gallring_kept_values (
     key_id text NOT NULL,
     event_id text NOT NULL,
     sealed text NOT NULL,
     PRIMARY KEY (key_id, event_id)
   )`,
];

/**
 * An event sealed whole (enc2) under a key an erasure shreds: its values as they read now, those
 * to erase (and any erased before) as null, and whether anything of it is erased this time.
 */
export interface EventUnderErasure {
  eventId: string;
  values: readonly (string | null)[];
  erased: boolean;
}

const eventKeyAad = (keyId: string, eventId: string) => `${keyId}/event/${eventId}`;
const keptAad = (keyId: string, eventId: string) => `${keyId}/kept/${eventId}`;

export type SubjectKind = 'report' | 'lagesbild' | 'login' | 'email' | 'ip' | 'other';

export interface Subject {
  subject: string;
  kind: SubjectKind;
  week: string | null;
}

/** The subject an event's values belong to, from its stream (stream names are metadata, never typed text). */
export function subjectOf(streamId: string): Subject {
  let match = /^report-(\d{4}-W\d{2})\./.exec(streamId);
  if (match) return { subject: streamId, kind: 'report', week: match[1]! };
  // A week's lägesbild, or a period analysis (a month `2024-11`, a tertial `2025-T1`, a year
  // `2025`): `week` then holds the period, whose end the retention rules reckon from.
  match = /^lagesbild-(\d{4}-W\d{2}|\d{4}-(?:0[1-9]|1[0-2])|\d{4}-T[1-3]|\d{4})$/.exec(streamId);
  if (match) return { subject: streamId, kind: 'lagesbild', week: match[1]! };
  if (streamId.startsWith('user-security-'))
    return { subject: `user-${streamId.slice('user-security-'.length)}`, kind: 'login', week: null };
  if (streamId.startsWith('user-')) return { subject: streamId, kind: 'login', week: null };
  if (streamId.startsWith('email-')) return { subject: streamId, kind: 'email', week: null };
  return { subject: streamId, kind: 'other', week: null };
}

type KeyEntry =
  | { state: 'key'; key: Buffer; at: number }
  | {
      state: 'split';
      values: Map<string, Buffer>;
      events: Map<string, Buffer>;
      kept: Map<string, (string | null)[]>;
      at: number;
    }
  | { state: 'gone'; at: number };

export interface DataKeyOptions {
  /** How long an unwrapped key is trusted before the table is asked again (other instances may shred). */
  ttlMs?: number;
  /** At most this many unwrapped keys in memory. */
  maxEntries?: number;
}

export class DataKeys {
  private readonly keys: BoundedCache<KeyEntry>;
  private readonly subjects: BoundedCache<{ keyId: string; key: Buffer; at: number }>;
  private readonly creating = new Map<string, Promise<{ keyId: string; key: Buffer }>>();
  /**
   * Sealed value → its plain text, for the readers that follow the log side by side: each
   * projection worker reads every event, and would otherwise open the same value once per read
   * model (measured: the reporting benchmark's API CPU per command tripled). Trusted as long as
   * a key is, and emptied by `forget`. An entry holds the place it was opened at: a sealed value
   * copied to another place must not open there (its derived key would not open it either).
   */
  private readonly opened: BoundedCache<{ text: string; eventId: string; pointer: string; at: number }>;
  /**
   * The same for events sealed whole (enc2): event id → its values, one entry per event. An entry
   * holds the envelope it was opened from, so a rewritten event is not answered from the cache.
   */
  private readonly openedEvents: BoundedCache<{
    envelope: string;
    values: readonly (string | null)[];
    at: number;
  }>;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private unlisten: Promise<() => Promise<void>> | null = null;
  /** When `forget` was last called: what was loaded or opened up to then is not trusted. */
  private forgottenAt = -Infinity;
  private readonly shredListeners = new Set<() => void>();
  private readonly forgetListeners = new Set<() => void>();

  constructor(
    private readonly db: SqlDatabase,
    private readonly master: Buffer,
    options: DataKeyOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.keys = new BoundedCache(this.maxEntries);
    this.subjects = new BoundedCache(this.maxEntries);
    // 20,000 to 40,000 values: enough for the workers' spread under load; three times that made
    // a rebuild (which fills it with values read once) slower by its garbage (docs/adr/0025).
    this.opened = new BoundedCache(this.maxEntries);
    this.openedEvents = new BoundedCache(this.maxEntries);
  }

  async init(): Promise<void> {
    await withStartupSchemaLock(this.db, async (tx) => {
      for (const ddl of DATA_KEYS_DDL) await tx.query(ddl);
      await verifyMasterKey(tx, this.master);
    });
    // A shred in any instance (this one too) reaches every instance at its commit: each forgets
    // its keys and opened texts at once instead of trusting them for up to `ttlMs` (ADR 0033).
    // The TTL stays as the bound where a notification is lost (the listener reconnecting).
    this.unlisten ??=
      this.db.listen?.(SHRED_CHANNEL, () => {
        this.forget();
        for (const listener of this.shredListeners) listener();
      }) ?? null;
    await this.unlisten;
  }

  /** Called after `forget` whenever any instance has shredded: for what else holds plain text (folded states). */
  onShred(listener: () => void): void {
    this.shredListeners.add(listener);
  }

  /** Called by every `forget`: for the caches kept beside these (the sealed IP addresses, ADR 0034). */
  onForget(listener: () => void): void {
    this.forgetListeners.add(listener);
  }

  async close(): Promise<void> {
    const unlisten = await this.unlisten?.catch(() => null);
    this.unlisten = null;
    await unlisten?.().catch(() => undefined);
  }

  /** The key new values of this subject are written under, created on first use. */
  async keyFor(subject: Subject): Promise<{ keyId: string; key: Buffer }> {
    const cached = this.subjects.get(subject.subject);
    if (cached && this.trusted(cached.at, Date.now())) return cached;
    const pending = this.creating.get(subject.subject);
    if (pending) return pending;
    const work = this.findOrCreate(subject).finally(() => this.creating.delete(subject.subject));
    this.creating.set(subject.subject, work);
    return work;
  }

  private async findOrCreate(subject: Subject): Promise<{ keyId: string; key: Buffer }> {
    // Stamped before the query: a shred announced while it ran makes the answer stale.
    const asked = Date.now();
    const { rows } = await this.db.query<{ key_id: string; wrapped: string }>(
      `SELECT key_id, wrapped FROM gallring_data_keys WHERE subject = $1 ORDER BY created_at, key_id LIMIT 1`,
      [subject.subject],
    );
    let keyId: string;
    let key: Buffer;
    if (rows[0]) {
      keyId = rows[0].key_id;
      key = unwrapKey(this.master, keyId, rows[0].wrapped);
    } else {
      keyId = randomUUID();
      key = randomBytes(32);
      await this.db.query(
        `INSERT INTO gallring_data_keys (key_id, subject, kind, week, wrapped) VALUES ($1, $2, $3, $4, $5)`,
        [keyId, subject.subject, subject.kind, subject.week, wrapKey(this.master, keyId, key)],
      );
    }
    const entry = { keyId, key, at: asked };
    this.subjects.set(subject.subject, entry);
    this.keys.set(keyId, { state: 'key', key, at: entry.at });
    return entry;
  }

  /**
   * Loads the keys not yet in memory (one or two queries for a whole batch of events). Inside a
   * transaction pass its executor: PGlite has one connection, so a query on the database would
   * wait for the transaction to end, and on PostgreSQL it would read outside it.
   */
  async load(keyIds: Iterable<string>, db: SqlExecutor = this.db): Promise<void> {
    const now = Date.now();
    const missing = [...new Set(keyIds)].filter((id) => {
      const entry = this.keys.get(id);
      return !entry || !this.trusted(entry.at, now);
    });
    if (missing.length === 0) return;
    const { rows } = await db.query<{ key_id: string; wrapped: string }>(
      `SELECT key_id, wrapped FROM gallring_data_keys WHERE key_id = ANY($1::text[])`,
      [missing],
    );
    for (const row of rows) {
      this.keys.set(row.key_id, {
        state: 'key',
        key: unwrapKey(this.master, row.key_id, row.wrapped),
        at: now,
      });
    }
    const found = new Set(rows.map((row) => row.key_id));
    const shredded = missing.filter((id) => !found.has(id));
    if (shredded.length === 0) return;
    // One after another: a transaction's executor runs one query at a time (and this is the rare
    // path, a key that was shredded or split).
    const values = await db.query<{ key_id: string; value_ref: string; wrapped: string }>(
      `SELECT key_id, value_ref, wrapped FROM gallring_value_keys WHERE key_id = ANY($1::text[])`,
      [shredded],
    );
    const events = await db.query<{ key_id: string; event_id: string; wrapped: string }>(
      `SELECT key_id, event_id, wrapped FROM gallring_event_keys WHERE key_id = ANY($1::text[])`,
      [shredded],
    );
    const kept = await db.query<{ key_id: string; event_id: string; sealed: string }>(
      `SELECT key_id, event_id, sealed FROM gallring_kept_values WHERE key_id = ANY($1::text[])`,
      [shredded],
    );
    type Split = Extract<KeyEntry, { state: 'split' }>;
    const split = new Map<string, Split>();
    const splitOf = (keyId: string): Split => {
      let entry = split.get(keyId);
      if (!entry) {
        entry = { state: 'split', values: new Map(), events: new Map(), kept: new Map(), at: now };
        split.set(keyId, entry);
      }
      return entry;
    };
    for (const row of values.rows)
      splitOf(row.key_id).values.set(
        row.value_ref,
        unwrapKey(this.master, `${row.key_id}/${row.value_ref}`, row.wrapped),
      );
    for (const row of events.rows)
      splitOf(row.key_id).events.set(
        row.event_id,
        unwrapKey(this.master, eventKeyAad(row.key_id, row.event_id), row.wrapped),
      );
    for (const row of kept.rows)
      splitOf(row.key_id).kept.set(
        row.event_id,
        unsealKept(this.master, row.key_id, row.event_id, row.sealed),
      );
    for (const id of shredded) this.keys.set(id, split.get(id) ?? { state: 'gone', at: now });
  }

  /** A whole data key (after `load`), or null when it was shredded or split by an erasure. */
  keyOf(keyId: string): Buffer | null {
    const entry = this.keys.get(keyId);
    return entry?.state === 'key' ? entry.key : null;
  }

  /** The key of one value (after `load`), or null when it was shredded. */
  keyOfValue(keyId: string, eventId: string, pointer: string): Buffer | null {
    const entry = this.keys.get(keyId);
    if (!entry || entry.state === 'gone') return null;
    if (entry.state === 'key') return valueKey(entry.key, eventId, pointer);
    return entry.values.get(valueRef(eventId, pointer)) ?? null;
  }

  /**
   * The values of an event sealed whole (after `load`): null where one was erased, null for the
   * whole event when its key was shredded (or the envelope does not open under it).
   */
  openEvent(keyId: string, eventId: string, envelope: string): readonly (string | null)[] | null {
    const entry = this.keys.get(keyId);
    if (!entry || entry.state === 'gone') return null;
    if (entry.state === 'key') return openEventValues(envelope, keyId, eventKey(entry.key, eventId));
    const key = entry.events.get(eventId);
    if (key) return openEventValues(envelope, keyId, key);
    return entry.kept.get(eventId) ?? null;
  }

  /** Shreds whole subjects: every value written under their keys reads as "[gallrad]" from now on. */
  async shredSubjects(tx: SqlExecutor, keyIds: readonly string[]): Promise<void> {
    if (keyIds.length === 0) return;
    await tx.query(`DELETE FROM gallring_value_keys WHERE key_id = ANY($1::text[])`, [keyIds]);
    await tx.query(`DELETE FROM gallring_event_keys WHERE key_id = ANY($1::text[])`, [keyIds]);
    await tx.query(`DELETE FROM gallring_kept_values WHERE key_id = ANY($1::text[])`, [keyIds]);
    await tx.query(`DELETE FROM gallring_data_keys WHERE key_id = ANY($1::text[])`, [keyIds]);
    await announceShred(tx);
  }

  /**
   * Shreds some values of one key and keeps the others readable. Values sealed one by one (enc1):
   * the kept values' derived keys are stored (wrapped) before the key itself is deleted; `kept`
   * are the places (event id, pointer) of every such value written under the key that is to stay,
   * `erased` the ones to go. Events sealed whole (enc2), every one written under the key in
   * `events`: one kept whole keeps its derived key; one with a value erased cannot (the key opens
   * all of it), so its kept values are stored sealed by the master key and its key is not.
   */
  async shredValues(
    tx: SqlExecutor,
    keyId: string,
    kept: readonly { eventId: string; pointer: string }[],
    erased: readonly { eventId: string; pointer: string }[],
    events: readonly EventUnderErasure[] = [],
  ): Promise<void> {
    // The key is read in the shred's transaction: it may be stale here (its TTL ran out, or any
    // instance shredded since it was loaded), and PGlite cannot query beside an open transaction.
    await this.load([keyId], tx);
    const entry = this.keys.get(keyId);
    if (!entry || entry.state === 'gone') return;
    await announceShred(tx);
    if (entry.state === 'key') {
      for (const place of kept) {
        const ref = valueRef(place.eventId, place.pointer);
        await tx.query(
          `INSERT INTO gallring_value_keys (key_id, value_ref, wrapped) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [
            keyId,
            ref,
            wrapKey(this.master, `${keyId}/${ref}`, valueKey(entry.key, place.eventId, place.pointer)),
          ],
        );
      }
      for (const event of events) {
        if (event.erased) continue;
        await tx.query(
          `INSERT INTO gallring_event_keys (key_id, event_id, wrapped) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [
            keyId,
            event.eventId,
            wrapKey(this.master, eventKeyAad(keyId, event.eventId), eventKey(entry.key, event.eventId)),
          ],
        );
      }
      await tx.query(`DELETE FROM gallring_data_keys WHERE key_id = $1`, [keyId]);
    }
    const refs = erased.map((place) => valueRef(place.eventId, place.pointer));
    await tx.query(`DELETE FROM gallring_value_keys WHERE key_id = $1 AND value_ref = ANY($2::text[])`, [
      keyId,
      refs,
    ]);
    for (const event of events) {
      if (!event.erased) continue;
      // The event's key would open the erased values too: it goes, whether derived or stored.
      await tx.query(`DELETE FROM gallring_event_keys WHERE key_id = $1 AND event_id = $2`, [
        keyId,
        event.eventId,
      ]);
      if (event.values.every((value) => value === null))
        await tx.query(`DELETE FROM gallring_kept_values WHERE key_id = $1 AND event_id = $2`, [
          keyId,
          event.eventId,
        ]);
      else
        await tx.query(
          `INSERT INTO gallring_kept_values (key_id, event_id, sealed) VALUES ($1, $2, $3)
           ON CONFLICT (key_id, event_id) DO UPDATE SET sealed = EXCLUDED.sealed`,
          [keyId, event.eventId, sealKept(this.master, keyId, event.eventId, event.values)],
        );
    }
  }

  /**
   * Forgets every opened text and takes no unwrapped key on trust any more (after a shred, so
   * this instance reads the table again). The keys are marked, not dropped: a read that loaded
   * its keys before the shred and opens its events just after still finds them, where a cleared
   * map made it write "[gallrad]" into a read model for a text nobody erased. Entries loaded or
   * opened before this moment (or in its millisecond) are stale from now on.
   */
  forget(): void {
    this.forgottenAt = Date.now();
    this.subjects.clear();
    this.opened.clear();
    this.openedEvents.clear();
    for (const listener of this.forgetListeners) listener();
  }

  /** Whether an entry made at `at` may still be used: within the TTL and after the last shred. */
  trusted(at: number, now: number): boolean {
    return now - at < this.ttlMs && at > this.forgottenAt;
  }

  /** The plain text of a sealed value opened recently at this place, if any. */
  openedBefore(sealed: string, eventId: string, pointer: string, now = Date.now()): string | undefined {
    const entry = this.opened.get(sealed);
    if (!entry || entry.eventId !== eventId || entry.pointer !== pointer) return undefined;
    if (!this.trusted(entry.at, now)) {
      this.opened.delete(sealed);
      return undefined;
    }
    return entry.text;
  }

  rememberOpened(sealed: string, text: string, eventId: string, pointer: string, now = Date.now()): void {
    this.opened.set(sealed, { text, eventId, pointer, at: now });
  }

  /** The values of an event sealed whole, opened recently from this very envelope, if any. */
  openedEvent(eventId: string, envelope: string, now = Date.now()): readonly (string | null)[] | undefined {
    const entry = this.openedEvents.get(eventId);
    if (!entry || entry.envelope !== envelope) return undefined;
    if (!this.trusted(entry.at, now)) {
      this.openedEvents.delete(eventId);
      return undefined;
    }
    return entry.values;
  }

  rememberOpenedEvent(
    eventId: string,
    envelope: string,
    values: readonly (string | null)[],
    now = Date.now(),
  ): void {
    this.openedEvents.set(eventId, { envelope, values, at: now });
  }
}

/** The channel a shred is announced on, delivered at its transaction's commit to every instance. */
export const SHRED_CHANNEL = 'laget_keys_shredded';

async function announceShred(tx: SqlExecutor): Promise<void> {
  await tx.query(`SELECT pg_notify($1, '')`, [SHRED_CHANNEL]);
}

/** An event's kept values, sealed by the master key (bound to the key id and event id). */
function sealKept(
  master: Buffer,
  keyId: string,
  eventId: string,
  values: readonly (string | null)[],
): string {
  return wrapKey(master, keptAad(keyId, eventId), Buffer.from(JSON.stringify(values), 'utf8'));
}

function unsealKept(master: Buffer, keyId: string, eventId: string, sealed: string): (string | null)[] {
  const parsed: unknown = JSON.parse(unwrapKey(master, keptAad(keyId, eventId), sealed).toString('utf8'));
  if (!Array.isArray(parsed) || !parsed.every((value) => value === null || typeof value === 'string'))
    throw new Error(`The kept values of event ${eventId} under key ${keyId} are not a list of texts`);
  return parsed as (string | null)[];
}
