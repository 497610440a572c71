import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Checkpoint, EventStore, RecordedEvent, SqlDatabase } from '@laget/event-store';
import type { ErasureMatch } from '@laget/contracts';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { type EventUnderErasure, subjectOf } from '../platform/crypto/data-keys.js';
import { EncryptingEventStore, sealedLayoutOf } from '../platform/crypto/encrypting-event-store.js';
import { PERSONAL_DATA, hasPersonalData, visitPersonalData } from '../platform/crypto/personal-data.js';
import { SHREDDED } from '../platform/crypto/value-cipher.js';
import { FEATURES, type FeatureManifest, projectionsOf } from '../platform/feature.js';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import type { ErasedLocation } from './gallring.decider.js';
import { matcherFor } from './erasure-match.js';
import type { KeyRow } from './retention-rules.js';

interface Place {
  eventId: string;
  pointer: string;
}

interface KeyUnderErasure {
  /** Values sealed one by one (enc1): every one written under the key, and those that match. */
  all: Place[];
  erased: Place[];
  /** Events sealed whole (enc2): every one written under the key, with its values as they read. */
  events: EventUnderErasure[];
}

export interface ErasurePlan {
  /** Per data key with something to erase: what was written under it, and what matches. */
  byKey: Map<string, KeyUnderErasure>;
  locations: ErasedLocation[];
  erased: number;
}

/**
 * The work under gallring and erasure (docs/adr/0025): which keys have passed their time, which
 * values hold a person, shredding them, and afterwards rebuilding every read model that keeps
 * copies of personal data, so that no plain text is left outside the log's ciphertext.
 */
@Injectable()
export class Shredder implements OnModuleInit {
  private readonly logger = new Logger('gallring');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(FEATURES) private readonly features: readonly FeatureManifest[],
    private readonly projections: Projections,
    private readonly runner: CommandRunner,
  ) {}

  /** A shred in any instance: this one's folded states may hold the erased texts too (ADR 0033). */
  onModuleInit(): void {
    if (this.store instanceof EncryptingEventStore) this.store.keys.onShred(() => this.runner.forgetStates());
  }

  private get sealed(): EncryptingEventStore {
    if (!(this.store instanceof EncryptingEventStore)) throw new Error('The event store does not encrypt');
    return this.store;
  }

  async keyRows(): Promise<KeyRow[]> {
    const { rows } = await this.db.query<{
      key_id: string;
      subject: string;
      kind: string;
      week: string | null;
      created_at: Date | string;
    }>(`SELECT key_id, subject, kind, week, created_at FROM gallring_data_keys ORDER BY subject, key_id`);
    return rows.map((row) => ({
      keyId: row.key_id,
      subject: row.subject,
      kind: row.kind,
      week: row.week,
      createdAt: new Date(row.created_at),
    }));
  }

  /** When each login was deactivated (and not reactivated since), from its own stream. */
  async deactivations(subjects: readonly string[]): Promise<Map<string, Date | null>> {
    const result = new Map<string, Date | null>();
    for (const subject of new Set(subjects)) {
      let at: Date | null = null;
      for (const event of await this.store.readStream(subject)) {
        if (event.type === 'UserDeactivated') at = new Date(event.metadata.occurredAt);
        if (event.type === 'UserReactivated') at = null;
      }
      result.set(subject, at);
    }
    return result;
  }

  async shredKeys(keyIds: readonly string[]): Promise<void> {
    await this.db.transaction((tx) => this.sealed.keys.shredSubjects(tx, keyIds));
  }

  /** Idempotency keys of appends older than `days` (never pruned before; SQL stores only). */
  async pruneAppendKeys(days: number, dryRun: boolean): Promise<number> {
    if (this.store.kind === 'eventstoredb') return 0;
    const where = `recorded_at < now() - make_interval(days => $1::int)`;
    const { rows } = dryRun
      ? await this.db.query<{ n: number | string }>(
          `SELECT count(*) AS n FROM event_store.append_keys WHERE ${where}`,
          [days],
        )
      : await this.db.query<{ n: number | string }>(
          `WITH gone AS (DELETE FROM event_store.append_keys WHERE ${where} RETURNING 1) SELECT count(*) AS n FROM gone`,
          [days],
        );
    return Number(rows[0]?.n ?? 0);
  }

  /** Every value of the log that holds the person, by data key: read, never changed. */
  async planErasure(match: ErasureMatch): Promise<ErasurePlan> {
    const matches = matcherFor(match);
    const byKey = new Map<string, KeyUnderErasure>();
    const entryOf = (keyId: string): KeyUnderErasure => {
      let entry = byKey.get(keyId);
      if (!entry) {
        entry = { all: [], erased: [], events: [] };
        byKey.set(keyId, entry);
      }
      return entry;
    };
    const locations = new Map<string, ErasedLocation>();
    let erased = 0;
    let from: Checkpoint | null = null;
    for (;;) {
      const { events, checkpoint } = await this.sealed.raw.readAll(from, 500);
      if (events.length === 0) break;
      const withData = events.filter((event) => hasPersonalData(event.type));
      // How each value is sealed, from the ciphertext; what it says, from a decrypted copy.
      const layouts = new Map(withData.map((event) => [event.eventId, sealedLayoutOf(event)]));
      const plain = await this.sealed.decrypt(structuredClone(withData));
      for (const event of plain) {
        const layout = layouts.get(event.eventId)!;
        const whole = layout.wholeKeyId
          ? { eventId: event.eventId, values: [] as (string | null)[], erased: false }
          : null;
        visitPersonalData(event.type, event.data, (pointer, value) => {
          const at = layout.places.get(pointer);
          if (at === undefined) return;
          const hit = matches(value);
          if (typeof at === 'number') {
            if (!whole) return;
            // A value erased before reads "[gallrad]" and stays erased.
            whole.values[at] = hit || value === SHREDDED ? null : value;
            whole.erased ||= hit;
          } else {
            const entry = entryOf(at);
            entry.all.push({ eventId: event.eventId, pointer });
            if (!hit) return;
            entry.erased.push({ eventId: event.eventId, pointer });
          }
          if (!hit) return;
          erased++;
          addLocation(locations, event, pointer);
        });
        if (whole && layout.wholeKeyId) {
          // A hole (an index no place names) is nothing to keep.
          whole.values = Array.from(whole.values, (value) => value ?? null);
          entryOf(layout.wholeKeyId).events.push(whole);
        }
      }
      from = checkpoint;
    }
    for (const [keyId, entry] of byKey)
      if (entry.erased.length === 0 && !entry.events.some((event) => event.erased)) byKey.delete(keyId);
    return { byKey, locations: [...locations.values()], erased };
  }

  async erase(plan: ErasurePlan): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const [keyId, { all, erased, events }] of plan.byKey) {
        const gone = new Set(erased.map((place) => `${place.eventId}${place.pointer}`));
        const kept = all.filter((place) => !gone.has(`${place.eventId}${place.pointer}`));
        await this.sealed.keys.shredValues(tx, keyId, kept, erased, events);
      }
    });
  }

  /**
   * After a shred: forget every unwrapped key and folded state in this process, and rebuild each
   * read model that keeps a copy of personal data, so they hold "[gallrad]" where the text was.
   * Reactors are never rebuilt (that would send their jobs again).
   */
  async afterShred(): Promise<string[]> {
    this.sealed.keys.forget();
    this.runner.forgetStates();
    const personal = new Set(Object.keys(PERSONAL_DATA));
    const names = projectionsOf(this.features)
      .filter((p) => p.eventTypes === '*' || p.eventTypes.some((type) => personal.has(type)))
      .map((p) => p.name);
    for (const name of names) await this.projections.rebuild(name, { timeoutMs: 600_000 });
    this.logger.log(`Rebuilt after gallring: ${names.join(', ')}`);
    return names;
  }
}

function addLocation(locations: Map<string, ErasedLocation>, event: RecordedEvent, pointer: string): void {
  const { kind, week } = subjectOf(event.streamId);
  const key = `${event.streamId}\u0000${event.type}\u0000${pointer}`;
  const known = locations.get(key);
  if (known) known.values++;
  else
    locations.set(key, {
      kind,
      week,
      subject: event.streamId,
      eventType: event.type,
      field: pointer,
      values: 1,
    });
}
