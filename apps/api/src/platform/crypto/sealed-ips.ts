import type { NewEvent, RecordedEvent } from '@laget/event-store';
import { BoundedCache } from './bounded-cache.js';
import type { DataKeys } from './data-keys.js';
import { IP_PREFIX, ipKeyIdOf, ipSubject, openIp, sealIp } from './ip-cipher.js';
import { SEALED_MARK_CODE, SHREDDED } from './value-cipher.js';

/**
 * Longer strings are sealed and opened but not cached: an address is at most ~50 characters, and
 * a hostile one of megabytes should not sit in memory as a cache key.
 */
const CACHEABLE_LENGTH = 100;

/**
 * Every event's `metadata.ip` sealed under its month's key (docs/adr/0034), for the encrypting
 * store. Addresses repeat (a municipality's users come from a few networks) and the seal is
 * deterministic, so after the first event of an address in a month both directions are a cache
 * lookup: every projection worker opens every event's address, and a rebuild opens all of them.
 * Both caches are emptied by `DataKeys.forget`, that is on every shred in any instance (ADR 0033).
 */
export class SealedIps {
  /** Key id and address → the sealed string: the same for as long as the key exists. */
  private readonly sealedOf: BoundedCache<string>;
  /** Sealed string → the address, trusted as long as a loaded key is. */
  private readonly openedOf: BoundedCache<{ ip: string; at: number }>;

  constructor(
    private readonly keys: DataKeys,
    maxEntries = 20_000,
  ) {
    this.sealedOf = new BoundedCache(maxEntries);
    this.openedOf = new BoundedCache(maxEntries);
    keys.onForget(() => {
      this.sealedOf.clear();
      this.openedOf.clear();
    });
  }

  /**
   * The events with their addresses sealed: a copy of each event and its metadata that has one,
   * the caller's objects untouched; the same array when none has. An empty address is left as it
   * is (it says nothing), and so is one sealed already (the rewrite step passes stored events).
   */
  async seal(events: NewEvent[], now = new Date()): Promise<NewEvent[]> {
    let sealed: NewEvent[] | null = null;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const ip: unknown = event.metadata.ip;
      if (typeof ip !== 'string' || ip === '' || ip.startsWith(IP_PREFIX)) continue;
      const { keyId, key } = await this.keys.keyFor(ipSubject(event.metadata.occurredAt, now));
      const cacheKey = ip.length <= CACHEABLE_LENGTH ? `${keyId}\u0000${ip}` : null;
      let value = cacheKey === null ? undefined : this.sealedOf.get(cacheKey);
      if (value === undefined) {
        value = sealIp(keyId, key, ip);
        if (cacheKey !== null) {
          this.sealedOf.set(cacheKey, value);
          // Every projection reads what was just appended.
          this.openedOf.set(value, { ip, at: Date.now() });
        }
      }
      sealed ??= [...events];
      sealed[i] = { ...event, metadata: { ...event.metadata, ip: value } };
    }
    return sealed ?? events;
  }

  /**
   * Opens the event's address in place from the cache. Answers the key id to load when it is
   * not there (the caller loads a batch's keys at once and calls `open`), null when nothing is
   * left to do: no address, a plain one (written before, until the rewrite step), or opened.
   */
  openCached(event: RecordedEvent, now: number): string | null {
    const ip: unknown = event.metadata.ip;
    // A plain address does not start with the mark character.
    if (typeof ip !== 'string' || ip.charCodeAt(0) !== SEALED_MARK_CODE) return null;
    const opened = this.openedOf.get(ip);
    if (opened !== undefined && this.keys.trusted(opened.at, now)) {
      event.metadata.ip = opened.ip;
      return null;
    }
    const keyId = ipKeyIdOf(ip);
    // Marked but not a sealed address: nothing writes one (HTTP refuses control characters in
    // the headers an address comes from), so it is not shown as if it were one.
    if (keyId === null) event.metadata.ip = SHREDDED;
    return keyId;
  }

  /** Whether an event's address is stored plain (written before docs/adr/0034): for the rewrite step. */
  static isPlain(event: Pick<RecordedEvent, 'metadata'>): boolean {
    const ip: unknown = event.metadata.ip;
    return typeof ip === 'string' && ip !== '' && !ip.startsWith(IP_PREFIX);
  }

  /** After the batch's keys are loaded: the address opened in place, "[gallrad]" once its month's key is shredded. */
  open(event: RecordedEvent, keyId: string, now: number): void {
    const sealed = event.metadata.ip!;
    const key = this.keys.keyOf(keyId);
    const ip = key ? openIp(sealed, keyId, key) : null;
    if (ip !== null && ip.length <= CACHEABLE_LENGTH) this.openedOf.set(sealed, { ip, at: now });
    event.metadata.ip = ip ?? SHREDDED;
  }
}
