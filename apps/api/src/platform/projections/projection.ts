import type { RecordedEvent, SqlExecutor } from '@laget/event-store';
import type { DomainEvent } from '../domain/decider.js';

/** A recorded event narrowed to one member of a domain event union (`type` and `data` typed together). */
export type ProjectedEvent<Event extends DomainEvent = DomainEvent> =
  Event extends DomainEvent<infer Type, infer Data> ? RecordedEvent<Type, Data> : never;

/**
 * A read model fed from the global event log. The runner calls `apply` inside the transaction in
 * which it also moves the projection's checkpoint, so each event lands exactly once.
 */
export interface Projection<Event extends DomainEvent = DomainEvent> {
  /** Unique; names the checkpoint row and the advisory lock, and is what `projections:rebuild` takes. */
  readonly name: string;
  /** Bump it when the tables or the handling change: the runner then rebuilds from zero at start. */
  readonly version: number;
  /** The event types `apply` sees (`'*'`: every event, as the audit trail needs); the checkpoint still moves past every other event. */
  readonly eventTypes: readonly Event['type'][] | '*';
  /** Creates the tables; must be idempotent (`CREATE TABLE IF NOT EXISTS`, `ADD COLUMN IF NOT EXISTS`). */
  setup(sql: SqlExecutor): Promise<void>;
  /** Empties the tables before a rebuild (in the same transaction that clears the checkpoint). */
  reset(sql: SqlExecutor): Promise<void>;
  /** Applies a batch of upcast events, in log order. */
  apply(events: readonly ProjectedEvent<Event>[], sql: SqlExecutor): Promise<void>;
  /**
   * Side effects that must happen before the checkpoint moves past these events, run before the
   * transaction (reactors enqueue jobs here). After a crash they run again for the same events,
   * so they must be idempotent.
   */
  react?(events: readonly ProjectedEvent<Event>[]): Promise<void>;
}

type ProjectionBase<Event extends DomainEvent> = Pick<
  Projection<Event>,
  'name' | 'eventTypes' | 'setup' | 'reset'
> & { version?: number };

/**
 * Defines a projection with either a per-event `handle` (the common case: one upsert per event)
 * or a batch `apply` (for projections that must rebuild fast: one multi-row statement per batch).
 */
export function defineProjection<Event extends DomainEvent>(
  definition: ProjectionBase<Event> &
    (
      | { handle: (event: ProjectedEvent<Event>, sql: SqlExecutor) => Promise<void>; apply?: never }
      | { apply: Projection<Event>['apply']; handle?: never }
    ),
): Projection<Event> {
  const { handle, apply } = definition;
  return {
    name: definition.name,
    version: definition.version ?? 1,
    eventTypes: definition.eventTypes,
    setup: definition.setup,
    reset: definition.reset,
    apply:
      apply ??
      (async (events, sql) => {
        for (const event of events) await handle!(event, sql);
      }),
  };
}
