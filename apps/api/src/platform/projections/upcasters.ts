import type { RecordedEvent } from '@laget/event-store';

/** Lifts the `data` of one event type from schema version n to n + 1. */
export type Upcaster = (data: unknown, event: RecordedEvent) => unknown;

/** Events written before `metadata.schemaVersion` existed are version 1. */
export const INITIAL_SCHEMA_VERSION = 1;

/**
 * Old event schemas, read into the current one. Events in the log never change; when an event's
 * `data` changes shape, register a step from the old version, and every reader (projections,
 * reactors, command handlers) sees the new shape. Steps chain: 1 → 2 → 3.
 */
export class Upcasters {
  private readonly steps = new Map<string, Upcaster>();

  /** Registers the step that lifts `type` from `fromVersion` to `fromVersion + 1`. */
  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    if (!Number.isInteger(fromVersion) || fromVersion < INITIAL_SCHEMA_VERSION) {
      throw new Error(`Upcaster for ${type}: fromVersion must be an integer ≥ 1, got ${fromVersion}`);
    }
    const key = stepKey(type, fromVersion);
    if (this.steps.has(key))
      throw new Error(`Upcaster for ${type} from version ${fromVersion} is already registered`);
    this.steps.set(key, upcaster);
    return this;
  }

  /** The event in its newest known shape; the same object when nothing applies. */
  upcast = <Event extends RecordedEvent>(event: Event): Event => {
    let version = event.metadata.schemaVersion ?? INITIAL_SCHEMA_VERSION;
    let step = this.steps.get(stepKey(event.type, version));
    if (!step) return event;
    let current: Event = event;
    while (step) {
      const data = step(current.data, current);
      version += 1;
      current = { ...current, data, metadata: { ...current.metadata, schemaVersion: version } };
      step = this.steps.get(stepKey(event.type, version));
    }
    return current;
  };

  get size(): number {
    return this.steps.size;
  }
}

function stepKey(type: string, fromVersion: number): string {
  return `${type}\u0000${fromVersion}`;
}
