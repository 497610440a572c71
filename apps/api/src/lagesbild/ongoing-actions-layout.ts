import type { DocumentSection, OngoingActionSnapshot } from '@laget/contracts';

/**
 * "Pågående åtgärder" (issue 19): a heading section and one text section per action, so that
 * each action is masked, left out or chosen for an audience like any other section. Actions not
 * marked public never reach the open version (`isInternalOnlyAction`).
 */
export const ONGOING_ACTIONS_SECTION_ID = 'ongoing-actions';
export const actionSectionId = (actionId: string) => `action-${actionId}`;

const STATUS: Record<OngoingActionSnapshot['status'], string> = {
  planned: 'planerad',
  ongoing: 'pågår',
  done: 'genomförd',
  cancelled: 'avbruten',
};
const EFFECT: Record<NonNullable<OngoingActionSnapshot['latestFollowUp']>['effect'], string> = {
  better: 'bättre',
  unchanged: 'oförändrat',
  worse: 'sämre',
};

/** An action in words: its problem, owner, status, dates and latest follow-up (also the åtgärdsplan's). */
export function actionText(action: OngoingActionSnapshot): string {
  const lines = [
    `Problem: ${action.problemTitle}`,
    `Ansvarig: ${action.ownerOrganisationName}. Status: ${STATUS[action.status]}. ${action.startsOn} – ${action.dueOn}.`,
    action.latestFollowUp
      ? `Senaste uppföljning ${action.latestFollowUp.on} (${EFFECT[action.latestFollowUp.effect]}): ${action.latestFollowUp.text}`
      : 'Ingen uppföljning än.',
  ];
  return lines.join('\n');
}

export function ongoingActionSections(actions: readonly OngoingActionSnapshot[]): DocumentSection[] {
  if (actions.length === 0) return [];
  return [
    {
      id: ONGOING_ACTIONS_SECTION_ID,
      kind: 'ongoing_actions',
      title: 'Pågående åtgärder',
      text: 'Åtgärder som pågår eller ska vara klara under perioden, med sin senaste uppföljning.',
    },
    ...actions.map((action) => ({
      id: actionSectionId(action.actionId),
      kind: 'ongoing_action' as const,
      title: action.title,
      text: actionText(action),
    })),
  ];
}

/**
 * Sections the open version never shows, whatever the redactions: actions not marked public, and
 * the heading when no action is public.
 */
export function internalOnlyActionSections(
  actions: readonly OngoingActionSnapshot[] | undefined,
): Set<string> {
  const hidden = new Set<string>();
  if (!actions || actions.length === 0) return hidden;
  for (const action of actions) if (!action.public) hidden.add(actionSectionId(action.actionId));
  if (actions.every((action) => !action.public)) hidden.add(ONGOING_ACTIONS_SECTION_ID);
  return hidden;
}
