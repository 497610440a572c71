import { randomUUID } from 'node:crypto';
import {
  type AppendOptions,
  DuplicateIdempotencyKeyError,
  type EventStore,
  type KeyedAppend,
  NO_STREAM,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@laget/event-store';
import type { Decider, DomainEvent } from '../domain/decider.js';
import { type RequestContext, commandKey, metadataFor } from './request-context.js';
import { type CachedStream, StreamStateCache } from './stream-state-cache.js';
import type { Clock } from './clock.js';
import { retryOnConflict, staleDecisionOr, StreamTurns } from './retry-on-conflict.js';

export interface RunOptions {
  /** The version the client based its change on (If-Match); 409 when the stream has moved on. */
  expectedVersion?: number;
  context: RequestContext;
}

export interface RunResult<State, Event = DomainEvent> {
  state: State;
  /** The stream's version after the command (what the client sends next as If-Match). */
  version: number;
  /**
   * What the command appended (empty when it changed nothing), with the ids the store keeps them
   * under and the time their metadata records: a read model the caller updates at once must
   * store the same time the projection later reads from the log, or a rebuild would change it.
   */
  events: Array<Event & { eventId: string; occurredAt?: string }>;
  /** Global position of the last appended event, to wait for projections (read-after-write). */
  globalPosition: number | null;
}

export interface LoadedStream<State> {
  state: State;
  version: number;
  exists: boolean;
}

/** What folds a stream into state: a decider, or anything with its initialState and evolve. */
export type Folder<State, Event extends DomainEvent> = Pick<
  Decider<State, unknown, Event>,
  'initialState' | 'evolve'
>;

/** A stream to load and what folds it (see `loadMany`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any folder's events; the state type is what is kept
export type StreamLoad<State = any> = { streamId: string; folder: Folder<State, any> };
type StateOf<Load> = Load extends StreamLoad<infer State> ? State : never;

/** Reads old event schemas into the current one (see platform/projections upcasters). */
export type Upcast = (event: RecordedEvent) => RecordedEvent;

/** The streams as `loadMany` answers them. */
export type LoadedStreams<Loads extends readonly StreamLoad[]> = {
  [K in keyof Loads]: LoadedStream<StateOf<Loads[K]>>;
};

/** A command decided on several streams and appended to the first of them (see `runOnMany`). */
export interface ManyStreamCommand<Loads extends readonly [StreamLoad, ...StreamLoad[]], Result> {
  context: RequestContext;
  /**
   * The events for the first stream, decided on all of them as read. Throws to refuse
   * (permissions, rules, If-Match: the caller compares the version it was given itself, after
   * whatever must be refused first).
   */
  decide: (current: LoadedStreams<Loads>) => DomainEvent[] | Promise<DomainEvent[]>;
  /**
   * The command's answer from the first stream after it (as appended, as it stands where nothing
   * changed, or as an earlier attempt with the request's Idempotency-Key left it) and all the
   * streams as decided on (read afresh for an earlier attempt's answer). May throw (e.g. a 404
   * where the first stream does not exist and nothing was decided).
   */
  answer: (result: RunResult<StateOf<Loads[0]>>, current: LoadedStreams<Loads>) => Result | Promise<Result>;
}

/**
 * The one place where commands meet the event store: load the stream, fold it with `evolve`,
 * `decide`, append with the version that was read. A concurrent writer makes the append fail
 * with WrongExpectedVersionError; without a client version the command is decided again on the
 * fresh state (it may now be refused; retryOnConflict, docs/adr/0018), with one it is a 409 for
 * the client to resolve.
 */
export class CommandRunner {
  private readonly cache = new StreamStateCache();
  private readonly turns = new StreamTurns();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly upcast: Upcast = (event) => event,
  ) {}

  /** Forgets the folded states it keeps: after gallring they may hold what is now "[gallrad]" (docs/adr/0025). */
  forgetStates(): void {
    this.cache.clear();
  }

  /** The stream folded with `evolve`: from the cached state where there is one, reading only what followed it. */
  async load<State, Event extends DomainEvent>(
    streamId: string,
    decider: Folder<State, Event>,
  ): Promise<LoadedStream<State>> {
    const cached = this.cache.get<State>(decider, streamId);
    const events = await this.store.readStream(streamId, cached ? { fromVersion: cached.version + 1 } : {});
    return this.fold(streamId, decider, cached, events);
  }

  /** Several streams as `load` folds each, read in one round trip. */
  async loadMany<const Loads extends readonly StreamLoad[]>(
    loads: Loads,
  ): Promise<{ [K in keyof Loads]: LoadedStream<StateOf<Loads[K]>> }> {
    const cached = loads.map(({ streamId, folder }) => this.cache.get<unknown>(folder, streamId));
    const answers = await this.store.readStreams(
      loads.map(({ streamId }, index) => ({ streamId, fromVersion: (cached[index]?.version ?? 0) + 1 })),
    );
    return loads.map(({ streamId, folder }, index) =>
      this.fold(streamId, folder as Folder<unknown, DomainEvent>, cached[index], answers[index]!),
    ) as { [K in keyof Loads]: LoadedStream<StateOf<Loads[K]>> };
  }

  /**
   * The states these streams were last loaded or remembered at, without reading, or null when one
   * is not known or the store cannot guard an append with them. A caller decides on them and
   * appends with `guards` (the other streams at these versions); when that fails, or the states
   * would refuse or change nothing, it loads afresh: only a command that will be appended may be
   * decided on what may be old.
   */
  remembered<const Loads extends readonly StreamLoad[]>(
    loads: Loads,
  ): { [K in keyof Loads]: LoadedStream<StateOf<Loads[K]>> } | null {
    if (!this.store.appendGuards) return null;
    const found: LoadedStream<unknown>[] = [];
    for (const { streamId, folder } of loads) {
      const cached = this.cache.get<unknown>(folder, streamId);
      if (!cached) return null;
      found.push({ state: cached.state, version: cached.version, exists: cached.version > 0 });
    }
    return found as { [K in keyof Loads]: LoadedStream<StateOf<Loads[K]>> };
  }

  private fold<State, Event extends DomainEvent>(
    streamId: string,
    decider: Folder<State, Event>,
    cached: CachedStream<State> | undefined,
    events: RecordedEvent[],
  ): LoadedStream<State> {
    let state = cached ? cached.state : decider.initialState();
    for (const event of events) state = decider.evolve(state, this.upcast(event) as unknown as Event);
    const version = (cached?.version ?? 0) + events.length;
    // An empty stream is remembered too (at 0): a week nobody compiled yet guards appends as well.
    if (events.length > 0 || !cached) this.cache.set(decider, streamId, state, version);
    return { state, version, exists: version > 0 };
  }

  /** For a caller that appended to the stream itself: the state it reached, so the next load starts there. */
  remember<State, Event extends DomainEvent>(
    streamId: string,
    decider: Folder<State, Event>,
    state: State,
    version: number,
  ): void {
    this.cache.set(decider, streamId, state, version);
  }

  async run<State, Command, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, Command, Event>,
    command: Command,
    options: RunOptions,
  ): Promise<RunResult<State, Event>> {
    const { context } = options;
    // Once per request and stream, outside the attempts: a retry records the same key.
    const key = commandKey(context, streamId);
    const retry = options.expectedVersion === undefined;
    return this.inTurn(streamId, () =>
      retryOnConflict(async () => {
        const loaded = await this.load(streamId, decider);
        let decided: Event[];
        try {
          if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
            throw new WrongExpectedVersionError(streamId, options.expectedVersion, loaded.version);
          }
          decided = decider.decide(command, loaded.state);
        } catch (error) {
          // A retry is often refused by what its first attempt did ("already open", a moved If-Match).
          const applied = await this.appliedBefore(streamId, decider, context, key);
          if (applied) return applied;
          throw error;
        }
        if (decided.length === 0) {
          const applied = await this.appliedBefore(streamId, decider, context, key);
          if (applied) return applied;
          return { state: loaded.state, version: loaded.version, events: [], globalPosition: null };
        }
        // Ids are chosen here, so the caller can name what it caused (a job id derives from its event).
        const events = decided.map((event) => ({ ...event, eventId: randomUUID() }));
        const metadata = metadataFor(context, this.clock.now());
        let appended;
        try {
          appended = await this.appendKeyed(
            streamId,
            events.map((event) => ({ eventId: event.eventId, type: event.type, data: event.data, metadata })),
            { expectedVersion: loaded.exists ? loaded.version : NO_STREAM },
            context,
            key,
          );
        } catch (error) {
          if (error instanceof DuplicateIdempotencyKeyError) {
            return this.replay(streamId, decider, error.recorded, context, error.idempotencyKey);
          }
          // With If-Match the client decided on the version it saw: a newer one is its 409.
          throw retry ? staleDecisionOr(error) : error;
        }
        const state = decided.reduce((current, event) => decider.evolve(current, event), loaded.state);
        this.cache.set(decider, streamId, state, appended.nextExpectedVersion);
        return {
          state,
          version: appended.nextExpectedVersion,
          events: events.map((event) => ({ ...event, occurredAt: metadata.occurredAt })),
          globalPosition: appended.lastGlobalPosition,
        };
      }),
    );
  }

  /**
   * `run` for a command decided on several streams and appended to the first (`loads[0]`), the
   * append guarded by the versions the others were read at (where the store can guard,
   * `appendGuards`), so that nothing lands on a decision one of them has since overtaken (a
   * report in a week compiled meanwhile, docs/adr/0012). Like `run`: this instance's commands on
   * the first stream take turns; the request's Idempotency-Key is recorded in the append, and a
   * retry that finds it (or is refused by what its first attempt did) answers from that append;
   * a lost race is decided again on fresh state (retryOnConflict, docs/adr/0018).
   *
   * First, without reading, on the states as this instance last saw them (`remembered`): most
   * commands follow their writer's previous one, and this makes them one round trip. Whenever
   * that would refuse, change nothing or meet a moved stream, all streams are read afresh and the
   * command decided again, so every refusal and every answer rests on current state.
   */
  async runOnMany<const Loads extends readonly [StreamLoad, ...StreamLoad[]], Result>(
    loads: Loads,
    command: ManyStreamCommand<Loads, Result>,
  ): Promise<Result> {
    const streamId = loads[0].streamId;
    // Once per command, outside the attempts: every attempt records the same key.
    const key = commandKey(command.context, streamId);
    return this.inTurn(streamId, async () => {
      const remembered = this.remembered(loads);
      if (remembered) {
        const events = await Promise.resolve()
          .then(() => command.decide(remembered))
          .catch((): DomainEvent[] => []);
        if (events.length > 0) {
          try {
            return await this.appendOnMany(loads, remembered, events, command, key);
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError)) throw error;
          }
        }
      }
      return retryOnConflict(async () => {
        const current = await this.loadMany(loads);
        let events: DomainEvent[];
        try {
          events = await command.decide(current);
        } catch (error) {
          // A retry is often refused by what its first attempt did ("already open", a moved If-Match).
          const applied = await this.appliedBeforeOnMany(loads, command, key);
          if (applied) return applied.answer;
          throw error;
        }
        if (events.length === 0) {
          const applied = await this.appliedBeforeOnMany(loads, command, key);
          if (applied) return applied.answer;
          const [first] = current;
          return command.answer(
            { state: first.state, version: first.version, events: [], globalPosition: null },
            current,
          );
        }
        try {
          return await this.appendOnMany(loads, current, events, command, key);
        } catch (error) {
          throw staleDecisionOr(error);
        }
      });
    });
  }

  private async appliedBeforeOnMany<const Loads extends readonly [StreamLoad, ...StreamLoad[]], Result>(
    loads: Loads,
    command: ManyStreamCommand<Loads, Result>,
    key: string | undefined,
  ): Promise<{ answer: Result } | null> {
    const applied = await this.appliedBefore(loads[0].streamId, loads[0].folder, command.context, key);
    if (!applied) return null;
    return { answer: await command.answer(applied, await this.loadMany(loads)) };
  }

  private async appendOnMany<const Loads extends readonly [StreamLoad, ...StreamLoad[]], Result>(
    loads: Loads,
    current: LoadedStreams<Loads>,
    decided: DomainEvent[],
    command: ManyStreamCommand<Loads, Result>,
    key: string | undefined,
  ): Promise<Result> {
    const [{ streamId, folder }, ...guards] = loads;
    const [first, ...others] = current as readonly LoadedStream<unknown>[];
    const events = decided.map((event) => ({ ...event, eventId: randomUUID() }));
    const metadata = metadataFor(command.context, this.clock.now());
    let appended;
    try {
      appended = await this.appendKeyed(
        streamId,
        events.map((event) => ({ eventId: event.eventId, type: event.type, data: event.data, metadata })),
        {
          expectedVersion: first!.exists ? first!.version : NO_STREAM,
          // KurrentDB cannot guard: there a writer of another stream racing this append by one
          // round trip can still miss it (docs/adr/0012); PostgreSQL and PGlite close that gap.
          ...(this.store.appendGuards
            ? {
                guards: guards.map((guard, index) => ({
                  streamId: guard.streamId,
                  version: others[index]!.version,
                })),
              }
            : {}),
        },
        command.context,
        key,
      );
    } catch (error) {
      if (!(error instanceof DuplicateIdempotencyKeyError)) throw error;
      const applied = await this.replay(
        streamId,
        folder,
        error.recorded,
        command.context,
        error.idempotencyKey,
      );
      return command.answer(applied, current);
    }
    const state = decided.reduce((state, event) => folder.evolve(state, event), first!.state) as StateOf<
      Loads[0]
    >;
    this.cache.set(folder, streamId, state, appended.nextExpectedVersion);
    return command.answer(
      { state, version: appended.nextExpectedVersion, events, globalPosition: appended.lastGlobalPosition },
      current,
    );
  }

  /**
   * Runs `work` when this instance's earlier commands on `streamId` are done (StreamTurns): for
   * commands that append on their own (`runOnMany`). `work` must not run a command on the same stream.
   */
  inTurn<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    return this.turns.take(streamId, work);
  }

  /**
   * Appends with `key` (commandKey of the request's context) recorded in the same write
   * (docs/adr/0014). For commands that append on their own (`runOnMany`); DuplicateIdempotencyKeyError
   * says that an earlier attempt of the request appended already, and `replay` answers it.
   */
  async appendKeyed(
    streamId: string,
    events: Parameters<EventStore['append']>[1],
    options: AppendOptions,
    context: RequestContext,
    key: string | undefined,
  ) {
    const appended = await this.store.append(
      streamId,
      events,
      key === undefined ? options : { ...options, idempotencyKey: key },
    );
    if (key !== undefined && events.length > 0) context.idempotency!.appended = true;
    return appended;
  }

  /**
   * The result of this request's command where an earlier attempt with the same Idempotency-Key
   * appended it to the stream under `key`: the stream folded up to that append, as the first
   * attempt answered from. Null without a key or where nothing was appended under it.
   */
  async appliedBefore<State, Event extends DomainEvent>(
    streamId: string,
    folder: Folder<State, Event>,
    context: RequestContext,
    key: string | undefined,
  ): Promise<RunResult<State, Event> | null> {
    if (key === undefined) return null;
    const recorded = await this.store.findAppend(streamId, key);
    return recorded ? this.replay(streamId, folder, recorded, context, key) : null;
  }

  /** See appliedBefore; `recorded` null (not known yet) is looked up. */
  async replay<State, Event extends DomainEvent>(
    streamId: string,
    folder: Folder<State, Event>,
    recorded: KeyedAppend | null,
    context: RequestContext,
    key: string,
  ): Promise<RunResult<State, Event>> {
    const found = recorded ?? (await this.store.findAppend(streamId, key));
    if (!found) throw new Error(`The append of ${key} on ${streamId} is not recorded`);
    const history = (await this.store.readStream(streamId, { maxCount: found.lastVersion })).map((event) =>
      this.upcast(event),
    );
    let state = folder.initialState();
    for (const event of history) state = folder.evolve(state, event as unknown as Event);
    if (context.idempotency) context.idempotency.replayed = true;
    return {
      state,
      version: found.lastVersion,
      events: history.slice(found.firstVersion - 1).map(
        (event) =>
          ({
            type: event.type,
            data: event.data,
            eventId: event.eventId,
            occurredAt: event.metadata.occurredAt,
          }) as Event & { eventId: string; occurredAt: string },
      ),
      globalPosition: found.lastGlobalPosition,
    };
  }
}
