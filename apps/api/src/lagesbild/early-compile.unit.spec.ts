import { DomainError } from '../platform/domain/domain-error.js';
import type { CompileTiming } from './early-compile.js';
import { background, police, school } from './fixtures/reports.fixture.js';
import {
  defaultLagesbildPolicy,
  type LagesbildCommand,
  type LagesbildEvent,
  lagesbildDecider,
} from './lagesbild.decider.js';

const decider = lagesbildDecider(defaultLagesbildPolicy);
const period = '2024-W48';
const coordinator = 'user-coordinator';
/** 2024-W48's deadline with the default settings: Monday 2 December 09:00 Swedish time. */
const deadline = '2024-12-02T08:00:00.000Z';
const wednesday = '2024-11-27T10:00:00.000Z';
const missingOrganisations = [
  { id: 'kultur-fritid', name: 'Kultur & Fritid' },
  { id: 'socialtjansten', name: 'Socialtjänsten' },
];

const given = (...events: LagesbildEvent[]) => events.reduce(decider.evolve, decider.initialState());

function compileAt(timing: Partial<CompileTiming>): LagesbildCommand {
  return {
    type: 'CompileLagesbild',
    data: {
      period,
      background,
      reports: [police, school],
      actorId: coordinator,
      timing: { at: wednesday, deadline, missingOrganisations, confirmEarly: false, ...timing },
    },
  };
}

function refusal(command: LagesbildCommand): DomainError {
  try {
    decider.decide(command, given());
  } catch (caught) {
    expect(caught).toBeInstanceOf(DomainError);
    return caught as DomainError;
  }
  throw new Error('the compile was not refused');
}

const compiledData = (decided: LagesbildEvent[]) => {
  expect(decided).toHaveLength(1);
  const [event] = decided;
  if (event?.type !== 'LagesbildCompiled') throw new Error(`unexpected ${event?.type}`);
  return event.data;
};

describe('compiling a week before its reporting deadline', () => {
  it('given nothing compiled, when compiled on Wednesday with two organisations missing and no confirmation, then 409 names them', () => {
    const error = refusal(compileAt({}));
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/Kultur & Fritid, Socialtjänsten/);
    expect(error.message).toMatch(/confirmEarly/);
    expect(error.details).toEqual({
      field: 'confirmEarly',
      reportingDeadline: deadline,
      missingOrganisations,
    });
  });

  it('when the coordinator confirms, then the compile records that it was early, whom it left out and who confirmed', () => {
    const data = compiledData(decider.decide(compileAt({ confirmEarly: true }), given()));
    expect(data.early).toEqual({ deadline, missingOrganisations, confirmedBy: coordinator });
    expect(data.takenVersions.map((taken) => taken.organisationId)).toEqual(['polisen', 'skolan']);
  });

  it('when everyone has reported before the deadline, then nothing needs confirming, and the compile still says it was early', () => {
    const data = compiledData(decider.decide(compileAt({ missingOrganisations: [] }), given()));
    expect(data.early).toEqual({ deadline, missingOrganisations: [], confirmedBy: null });
  });

  it('when the deadline has passed (or is now), then it compiles as always, whoever is missing', () => {
    for (const at of [deadline, '2024-12-02T10:00:00.000Z']) {
      const data = compiledData(decider.decide(compileAt({ at }), given()));
      expect(data).not.toHaveProperty('early');
    }
  });

  it('when nothing is submitted, then the 422 comes first, before any question of the deadline', () => {
    const command = compileAt({});
    if (command.type !== 'CompileLagesbild') throw new Error('unreachable');
    const error = refusal({ ...command, data: { ...command.data, reports: [] } });
    expect(error.kind).toBe('rule');
  });

  it('given a week already compiled early, when compiled again with confirmation, then 409 as for every second compile', () => {
    const compiled = decider.decide(compileAt({ confirmEarly: true }), given());
    expect(() => decider.decide(compileAt({ confirmEarly: true }), given(...compiled))).toThrow(
      /already compiled/,
    );
  });
});
