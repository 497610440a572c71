import { ACTION_STATUSES, FOLLOW_UP_EFFECTS, PROBLEM_STATUSES } from '@laget/contracts';

/** The status and effect choices, their names translated by key (i18n `laget.atgarder`). */
export const problemStatusChoices = PROBLEM_STATUSES.map((id) => ({
  id,
  name: `laget.atgarder.problem_status.${id}`,
}));
export const actionStatusChoices = ACTION_STATUSES.map((id) => ({
  id,
  name: `laget.atgarder.action_status.${id}`,
}));
export const effectChoices = FOLLOW_UP_EFFECTS.map((id) => ({ id, name: `laget.atgarder.effect.${id}` }));

/** An empty choice is no person: the API takes null. */
export const nullIfEmpty = (value: unknown) => (value === '' || value === undefined ? null : value);
