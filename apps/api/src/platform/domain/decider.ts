/**
 * Business logic as plain functions, in the manner of Emmett: `decide` turns a command and the
 * current state into events (or throws a DomainError), `evolve` folds an event into state.
 * Deciders do no I/O; `CommandHandler` (platform/commands) loads, decides and appends.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}

/** Makes a `switch` over a union exhaustive: adding a member breaks the build where it is unhandled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
