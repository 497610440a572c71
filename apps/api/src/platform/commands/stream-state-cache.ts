import { underTest } from '../../config/environment.js';

/**
 * The last folded state of recently used streams, per folder (decider), so that loading a stream
 * reads only the events appended since: a report gets a command per incident, and folding its
 * whole history each time made every command slower than the one before. The cache is never
 * trusted for the end of a stream: a load asks the event store for what follows the cached
 * version, and a command decided on remembered states appends only if the store finds every
 * stream still at those versions (CommandRunner.remembered). So it stays correct with several API
 * instances writing the same streams.
 *
 * States must be immutable, as `evolve` returns a new state; under NODE_ENV=test cached states are
 * frozen, so a folder that mutates its state fails its tests instead of corrupting this cache.
 */
export interface CachedStream<State> {
  state: State;
  version: number;
}

const freezeStates = underTest;

export class StreamStateCache {
  private byFolder = new WeakMap<object, Map<string, CachedStream<unknown>>>();

  /** At most `limit` streams per folder, least recently used dropped first. */
  constructor(private readonly limit = 5_000) {}

  get<State>(folder: object, streamId: string): CachedStream<State> | undefined {
    const streams = this.byFolder.get(folder);
    const found = streams?.get(streamId);
    if (!streams || !found) return undefined;
    streams.delete(streamId); // re-inserted last: Map order is our recency order
    streams.set(streamId, found);
    return found as CachedStream<State>;
  }

  /** Keeps the state unless a newer version of the same stream is cached already. */
  /** Drops every state: after a shred (docs/adr/0025) a cached state may still hold plain text. */
  clear(): void {
    this.byFolder = new WeakMap();
  }

  set<State>(folder: object, streamId: string, state: State, version: number): void {
    let streams = this.byFolder.get(folder);
    if (!streams) this.byFolder.set(folder, (streams = new Map()));
    const known = streams.get(streamId);
    if (known && known.version >= version) return;
    streams.delete(streamId);
    streams.set(streamId, { state: freezeStates ? deepFreeze(state) : state, version });
    if (streams.size > this.limit) streams.delete(streams.keys().next().value!);
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return Object.freeze(value);
}
