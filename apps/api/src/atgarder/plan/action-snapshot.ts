import type { OngoingActionSnapshot } from '@laget/contracts';
import type { PlannedAction } from '../action.decider.js';

/** An action as the lägesbild and the åtgärdsplan record it. */
export function actionSnapshot(
  state: PlannedAction,
  problemTitle: string | null,
  organisationName: string | null,
): OngoingActionSnapshot {
  const latest = state.followUps.at(-1);
  return {
    actionId: state.actionId,
    problemTitle: problemTitle ?? '',
    title: state.title,
    ownerOrganisationName: organisationName ?? state.ownerOrganisationId,
    status: state.status,
    startsOn: state.startsOn,
    dueOn: state.dueOn,
    public: state.public,
    latestFollowUp: latest ? { on: latest.on, effect: latest.effect, text: latest.text } : null,
  };
}
