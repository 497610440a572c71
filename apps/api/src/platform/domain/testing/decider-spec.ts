import type { Decider, DomainEvent } from '../decider.js';

/**
 * Given/when/then for every decider, after Emmett's DeciderSpecification, so that tests read as
 * sentences:
 *
 *     const spec = deciderSpec(reportDecider);
 *     spec.given([ReportOpened]).when(SubmitReport).then([ReportSubmitted]);
 *     spec.given([]).when(SubmitReport).thenThrows({ kind: 'conflict' });
 *
 * `then` compares the events with toEqual; `thenNothing` expects no events; `thenThrows` matches
 * the thrown error's fields (a DomainError's kind, message, details); `events()` returns what was
 * decided for assertions of one's own.
 */
export function deciderSpec<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        state,
        when(command: Command) {
          const decide = () => decider.decide(command, state);
          return {
            events: decide,
            then: (expected: readonly Event[]) => expect(decide()).toEqual(expected),
            thenNothing: () => expect(decide()).toEqual([]),
            thenThrows: (expected: Record<string, unknown> = {}) => {
              let thrown: unknown = undefined;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeDefined();
              expect(thrown).toMatchObject(expected);
            },
          };
        },
      };
    },
  };
}
