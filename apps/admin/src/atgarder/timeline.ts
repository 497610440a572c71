import type { ActionView, FollowUpEffect } from '@laget/contracts';

/** One entry of a problem's timeline: an action starting or due, or a follow-up of one. */
export type TimelineEntry =
  | { kind: 'start' | 'due'; on: string; actionId: string; title: string }
  | { kind: 'follow_up'; on: string; actionId: string; title: string; effect: FollowUpEffect; text: string };

/** The actions and follow-ups of a problem in date order (starts before follow-ups before dues on one day). */
export function timelineOf(actions: readonly ActionView[]): TimelineEntry[] {
  const order = { start: 0, follow_up: 1, due: 2 };
  const entries: TimelineEntry[] = actions.flatMap((action) => [
    { kind: 'start' as const, on: action.startsOn, actionId: action.id, title: action.title },
    ...action.followUps.map((followUp) => ({
      kind: 'follow_up' as const,
      on: followUp.on,
      actionId: action.id,
      title: action.title,
      effect: followUp.effect,
      text: followUp.text,
    })),
    { kind: 'due' as const, on: action.dueOn, actionId: action.id, title: action.title },
  ]);
  return entries.sort((a, b) => a.on.localeCompare(b.on) || order[a.kind] - order[b.kind]);
}
