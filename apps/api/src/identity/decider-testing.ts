import type { Decider, DomainEvent } from '../platform/domain/decider.js';

/**
 * Given/when/then for deciders, so tests read as sentences:
 * `given(decider, [...events]).when(command).then([...events])` or `.thenThrows({ kind })`.
 */
export function given<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  events: Event[],
) {
  const state = events.reduce(decider.evolve, decider.initialState());
  return {
    state,
    when: (command: Command) => ({
      then: (expected: Event[]) => expect(decider.decide(command, state)).toEqual(expected),
      thenThrows: (expected: Record<string, unknown>) => {
        let thrown: unknown;
        try {
          decider.decide(command, state);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toMatchObject(expected);
      },
    }),
  };
}
