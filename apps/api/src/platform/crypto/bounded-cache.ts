/**
 * A bounded map for the crypto caches (docs/adr/0025), evicting by generations: new entries go to
 * the young map; when it is full it becomes the old one and the previous old one is dropped. A
 * hit in the old map moves the entry to the young one, so what is still in use survives. Between
 * `maxEntries` and twice that are kept.
 *
 * Why not clear everything when full (what this replaced): the projection workers read the log
 * at different positions, and under load the slowest is tens of thousands of values behind the
 * fastest. Clearing the whole map threw away exactly what the slower ones were about to read, so
 * each value was opened again once per worker (measured in the reporting benchmark: 695,000 misses
 * for 88,000 sealed values, 12 per hit). Evicting one entry at a time from a Map is slow too
 * (its deleted slots are walked again and again).
 */
export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged === undefined) return undefined;
    this.old.delete(key);
    this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.maxEntries && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  delete(key: string): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
