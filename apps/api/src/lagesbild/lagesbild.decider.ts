import { assertNever, type Decider } from '../platform/domain/decider.js';
import { decideApprove } from './decide/approval.js';
import { decideDefineAudience, decideRemoveAudience } from './decide/audiences.js';
import { decideCompile, decideEditSection, decideTakeInReport } from './decide/compile.js';
import {
  decideRecordPublication,
  decideRecordPublicationFailure,
  decideRequestPublication,
  decideRetractPublication,
} from './decide/publication.js';
import { decideApplyRedaction, decideLiftRedaction, decideReconfirmRedaction } from './decide/redaction.js';
import { decideDismissSuggestion } from './decide/suggestions.js';
import { evolveLagesbild } from './lagesbild-evolve.js';
import {
  defaultLagesbildPolicy,
  initialLagesbildState,
  type LagesbildCommand,
  type LagesbildEvent,
  type LagesbildPolicy,
  type LagesbildState,
} from './lagesbild-state.js';
import { decideMaskEverywhere } from './mask-everywhere.js';

/*
 * The lägesbild decider: `decide` only says which rule decides a command; the rules live one
 * function per command in decide/ (compile, audiences, redaction, suggestions, approval,
 * publication), the state types in lagesbild-state.ts and `evolve` in lagesbild-evolve.ts.
 * The re-exports keep this the one import for those who use the aggregate as a whole.
 */
export * from './lagesbild-state.js';
export { evolveLagesbild } from './lagesbild-evolve.js';
export { lagesbildStreamId } from './lagesbild-stream.js';

export function decideLagesbild(
  command: LagesbildCommand,
  state: LagesbildState,
  policy: LagesbildPolicy = defaultLagesbildPolicy,
): LagesbildEvent[] {
  switch (command.type) {
    case 'CompileLagesbild':
      return decideCompile(command, state);
    case 'EditSection':
      return decideEditSection(command, state);
    case 'TakeInReport':
      return decideTakeInReport(command, state);
    case 'DefineAudience':
      return decideDefineAudience(command, state);
    case 'RemoveAudience':
      return decideRemoveAudience(command, state);
    case 'ApplyRedaction':
      return decideApplyRedaction(command, state, policy);
    case 'LiftRedaction':
      return decideLiftRedaction(command, state);
    case 'ReconfirmRedaction':
      return decideReconfirmRedaction(command, state);
    case 'DismissSuggestion':
      return decideDismissSuggestion(command, state);
    case 'MaskEverywhere':
      // Each occurrence goes through the same rules as one mask (mask-everywhere.ts).
      return decideMaskEverywhere(command, state, (c, s) => decideLagesbild(c, s, policy), evolveLagesbild);
    case 'ApproveLagesbild':
      return decideApprove(command, state, policy);
    case 'RequestPublication':
      return decideRequestPublication(command, state);
    case 'RecordPublication':
      return decideRecordPublication(command, state);
    case 'RecordPublicationFailure':
      return decideRecordPublicationFailure(command, state);
    case 'RetractPublication':
      return decideRetractPublication(command, state);
    default:
      return assertNever(command);
  }
}

/** The decider with a municipality's policy bound in, for the CommandRunner. */
export function lagesbildDecider(
  policy: LagesbildPolicy = defaultLagesbildPolicy,
): Decider<LagesbildState, LagesbildCommand, LagesbildEvent> {
  return {
    initialState: initialLagesbildState,
    decide: (command, state) => decideLagesbild(command, state, policy),
    evolve: evolveLagesbild,
  };
}
