import { randomUUID } from 'node:crypto';
import { klona } from 'klona/json';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventStore,
  KeyedAppend,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  StreamRead,
  SubscribeOptions,
  Subscription,
} from '@laget/event-store';
import type { DataKeys } from './data-keys.js';
import { subjectOf } from './data-keys.js';
import { SealedIps } from './sealed-ips.js';
import {
  type Holder,
  forEachPersonalString,
  hasPersonalData,
  pointerOf,
  setAt,
  visitPersonalData,
} from './personal-data.js';
import {
  SEALED_MARK_CODE,
  SHREDDED,
  decryptValue,
  eventKey,
  isEncrypted,
  referenceTo,
  sealEventValues,
  sealedValueOf,
} from './value-cipher.js';

/** A place of an event's text: its holder and key, and which of the event's values goes there. */
interface Place {
  holder: Holder;
  key: string | number;
  index: number;
}

/** A value sealed alone (enc1) waiting for its key, and where it (and any copy of it in its event) is. */
interface SealedPlace {
  eventId: string;
  value: string;
  keyId: string;
  places: { pointer: string; holder: Holder; key: string | number }[];
}

/** An event sealed whole (enc2) waiting for its key: where each of its values goes. */
interface SealedEvent {
  eventId: string;
  keyId: string;
  envelope: string;
  places: Place[];
}

/**
 * The event store port with personal data encrypted (docs/adr/0025): a decorator, so PGlite,
 * PostgreSQL and KurrentDB store the same ciphertext and every reader (deciders, projections,
 * history, audit, exports) sees the plaintext, or "[gallrad]" once its key is shredded. Event
 * metadata is left as it is but for the client's address (`ip`), sealed under its month's key
 * on every event (docs/adr/0034). Values that are not encrypted (events written before encryption,
 * until the rewrite step has run) are passed through. An event is sealed whole (enc2, one key
 * derivation and one AES-GCM for all its texts, docs/adr/0032); values sealed one by one (enc1,
 * as stores written before December 2026 hold them) read as before, even beside enc2 in a stream.
 */
export class EncryptingEventStore implements EventStore {
  /** Every event's client address, sealed under its month's key (docs/adr/0034). */
  private readonly ips: SealedIps;

  constructor(
    private readonly inner: EventStore,
    readonly keys: DataKeys,
  ) {
    this.ips = new SealedIps(keys);
  }

  get kind(): EventStore['kind'] {
    return this.inner.kind;
  }

  get appendGuards(): boolean {
    return this.inner.appendGuards;
  }

  /** The store underneath, for the rewrite step and the proof: it answers ciphertext. */
  get raw(): EventStore {
    return this.inner;
  }

  async init(): Promise<void> {
    await this.inner.init();
    await this.keys.init();
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.inner.append(streamId, await this.encrypt(streamId, events), options);
  }

  /** The events as they will be stored: an event id fixed (the values' keys are derived from it), personal data and addresses sealed. */
  async encrypt(streamId: string, unsealed: NewEvent[]): Promise<NewEvent[]> {
    // Every event's address, whether or not its type carries personal data in `data`.
    const events = await this.ips.seal(unsealed);
    if (!events.some((event) => hasPersonalData(event.type))) return events;
    const { keyId, key } = await this.keys.keyFor(subjectOf(streamId));
    return events.map((event) => {
      if (!hasPersonalData(event.type)) return event;
      const eventId = event.eventId ?? randomUUID();
      const now = Date.now();
      // A copy to seal, as a tree: an object the data refers to twice (IncidentReported's
      // incident.occurredAt, shared with its change's after) becomes two, so each place gets its
      // own value, as the stored JSON will hold them (structuredClone kept it one, and a place no
      // pattern names kept plain text). klona's JSON mode, not a JSON round trip: five times
      // cheaper, and this runs for every command; it copies an own `__proto__` key as a key
      // (rfdc, as fast, set the copy's prototype instead and lost the key).
      const data = klona(event.data);
      // One seal per event (docs/adr/0032): each distinct text once, each place its index.
      const values: string[] = [];
      const indexOf = new Map<string, number>();
      const places: Place[] = [];
      forEachPersonalString(event.type, data, (value, holder, key) => {
        // An empty text holds nothing to protect (and most optional fields are empty).
        if (value === '' || isEncrypted(value)) return;
        let index = indexOf.get(value);
        if (index === undefined) {
          index = values.length;
          values.push(value);
          indexOf.set(value, index);
        }
        places.push({ holder, key, index });
      });
      if (values.length === 0) return { ...event, eventId, data };
      const envelope = sealEventValues(keyId, eventKey(key, eventId), values);
      // The first place met holds value 0 and carries the envelope; every other place refers.
      for (let i = 0; i < places.length; i++) {
        const { holder, key: at, index } = places[i]!;
        setAt(holder, at, i === 0 ? envelope : referenceTo(index));
      }
      // Every projection reads what was just appended: it finds the plain text here instead of
      // deriving the key and opening the event again.
      this.keys.rememberOpenedEvent(eventId, envelope, values, now);
      return { ...event, eventId, data };
    });
  }

  findAppend(streamId: string, idempotencyKey: string): Promise<KeyedAppend | null> {
    return this.inner.findAppend(streamId, idempotencyKey);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.decrypt(await this.inner.readStream(streamId, options));
  }

  async readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    const results = await this.inner.readStreams(reads);
    await this.decrypt(results.flat());
    return results;
  }

  async readAll(from: Checkpoint | null, limit: number): Promise<ReadAllResult> {
    const result = await this.inner.readAll(from, limit);
    await this.decrypt(result.events);
    return result;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({
      ...options,
      // Every projection worker follows the log through here, event by event: an event whose
      // values are all opened already (or has none) goes on without waiting a turn.
      onEvent: (event) => {
        // Most workers use few of the event types: the rest pass them over, so they stay sealed
        // (each worker opening every event was most of the layer's cost under load).
        if (options.eventTypes && !options.eventTypes.has(event.type)) return options.onEvent(event);
        const pending = this.openInPlace([event]);
        return pending ? pending.then(() => options.onEvent(event)) : options.onEvent(event);
      },
    });
  }

  headCheckpoint(): Promise<Checkpoint | null> {
    return this.inner.headCheckpoint();
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return this.inner.compareCheckpoints(a, b);
  }

  async close(): Promise<void> {
    await this.keys.close();
    await this.inner.close();
  }

  /** Opens the sealed values in place (the events are the store's fresh copies): one walk, one key load per batch. */
  async decrypt(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    await this.openInPlace(events);
    return events;
  }

  /** As `decrypt`; null when every value was opened from the cache, so nothing is left to wait for. */
  openInPlace(events: RecordedEvent[]): Promise<void> | null {
    const sealed: SealedPlace[] = [];
    const sealedEvents: SealedEvent[] = [];
    const sealedIps: { event: RecordedEvent; keyId: string }[] = [];
    const keyIds = new Set<string>();
    const now = Date.now();
    for (const event of events) {
      // Every event has an address to open, whether or not its type carries personal data.
      const ipKeyId = this.ips.openCached(event, now);
      if (ipKeyId !== null) {
        keyIds.add(ipKeyId);
        sealedIps.push({ event, keyId: ipKeyId });
      }
      if (!hasPersonalData(event.type)) continue;
      // One sealed value at two places of an event: the event's data referred to one object twice
      // when it was sealed (IncidentReported's incident.occurredAt and its change's after), so it
      // was sealed once, under the key of the place the walk reaches first, and the JSON holds a
      // copy at each. The copies are opened once, under whichever place's key opens them: a
      // place's own key would not open a copy sealed at another (it read as "[gallrad]").
      let inEvent: Map<string, SealedPlace | string> | null = null;
      const whole: { envelope: string; keyId: string } = { envelope: '', keyId: '' };
      const refs: Place[] = [];
      forEachPersonalString(event.type, event.data, (value, holder, key, path) => {
        // Plain text (written before sealing, or an empty field) does not start with the mark.
        if (value.charCodeAt(0) !== SEALED_MARK_CODE) return;
        const kind = sealedValueOf(value);
        if (!kind) return;
        if (kind.format === 'reference') return void refs.push({ holder, key, index: kind.index });
        if (kind.format === 'envelope') {
          // Sealing writes one envelope per event: the same one again is value 0, another is
          // not ours to trust.
          if (whole.envelope !== '')
            return void (value === whole.envelope
              ? refs.push({ holder, key, index: 0 })
              : setAt(holder, key, SHREDDED));
          whole.envelope = value;
          whole.keyId = kind.keyId;
          return void refs.push({ holder, key, index: 0 });
        }
        // Sealed alone (enc1): its key is derived from its place, so here the pointer is needed.
        const pointer = pointerOf(path);
        inEvent ??= new Map();
        const earlier = inEvent.get(value);
        if (earlier !== undefined) {
          if (typeof earlier === 'string') setAt(holder, key, earlier);
          else earlier.places.push({ pointer, holder, key });
          return;
        }
        const opened = this.keys.openedBefore(value, event.eventId, pointer, now);
        if (opened !== undefined) {
          inEvent.set(value, opened);
          return setAt(holder, key, opened);
        }
        const place = {
          eventId: event.eventId,
          value,
          keyId: kind.keyId,
          places: [{ pointer, holder, key }],
        };
        inEvent.set(value, place);
        keyIds.add(kind.keyId);
        sealed.push(place);
      });
      if (refs.length === 0) continue;
      const values = whole.envelope === '' ? null : this.keys.openedEvent(event.eventId, whole.envelope, now);
      if (values === undefined) {
        keyIds.add(whole.keyId);
        sealedEvents.push({
          eventId: event.eventId,
          keyId: whole.keyId,
          envelope: whole.envelope,
          places: refs,
        });
      } else setAll(refs, values);
    }
    if (sealed.length === 0 && sealedEvents.length === 0 && sealedIps.length === 0) return null;
    return this.keys.load(keyIds).then(() => {
      for (const { event, keyId } of sealedIps) this.ips.open(event, keyId, now);
      for (const { eventId, value, keyId, places } of sealed) {
        let text: string | null = null;
        // A copy opens under the key of the place it was sealed at, whichever of them that is.
        for (const { pointer } of places) {
          const key = this.keys.keyOfValue(keyId, eventId, pointer);
          text = key ? decryptValue(value, keyId, key) : null;
          if (text !== null) {
            this.keys.rememberOpened(value, text, eventId, pointer, now);
            break;
          }
        }
        for (const { holder, key } of places) setAt(holder, key, text ?? SHREDDED);
      }
      for (const { eventId, keyId, envelope, places } of sealedEvents) {
        const values = this.keys.openEvent(keyId, eventId, envelope);
        if (values) this.keys.rememberOpenedEvent(eventId, envelope, values, now);
        setAll(places, values);
      }
    });
  }
}

/** Each place its value, or "[gallrad]" where the value (or the whole event) was shredded. */
function setAll(places: readonly Place[], values: readonly (string | null)[] | null): void {
  for (const { holder, key, index } of places) setAt(holder, key, values?.[index] ?? SHREDDED);
}

/**
 * How an event's values are stored, by JSON pointer: the data key id of a value sealed alone
 * (enc1), or the index into the event's envelope (enc2), whose key id is `wholeKeyId`. What an
 * erasure needs to know which key (and which value of an envelope) holds a text it erases.
 */
export function sealedLayoutOf(event: Pick<RecordedEvent, 'type' | 'data'>): {
  places: Map<string, string | number>;
  wholeKeyId: string | null;
} {
  const places = new Map<string, string | number>();
  let wholeKeyId: string | null = null;
  let envelope: string | null = null;
  visitPersonalData(event.type, event.data, (pointer, value) => {
    const sealed = sealedValueOf(value);
    if (!sealed) return;
    if (sealed.format === 'enc1') return void places.set(pointer, sealed.keyId);
    if (sealed.format === 'envelope') {
      // As the reader: a second, different envelope is not the event's (it reads "[gallrad]").
      if (envelope !== null && value !== envelope) return;
      envelope = value;
      wholeKeyId = sealed.keyId;
    }
    places.set(pointer, sealed.format === 'envelope' ? 0 : sealed.index);
  });
  return { places, wholeKeyId };
}
