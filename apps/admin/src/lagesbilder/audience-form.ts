import type { Audience } from '@laget/contracts';

/**
 * A target-group version as the coordinator fills it in, and what the API will refuse in it,
 * checked before sending so the form can say which part is missing (the decider's rules in
 * apps/api/src/lagesbild/lagesbild.decider.ts, DefineAudience; the name rule in libs/contracts).
 */
export const audienceNamePattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A name for `?view=audience:<name>` from the title a person wrote: "Skolan & fritid" → "skolan-fritid". */
export function audienceNameFrom(title: string): string {
  return title
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export type AudienceProblem = 'title' | 'name' | 'name_taken' | 'members' | 'sections' | 'incidents';

/** Every part the API would refuse, so the form can point at each; empty when it may be sent. */
export function audienceProblems(
  audience: Audience,
  { existingNames = [], creating }: { existingNames?: readonly string[]; creating: boolean },
): AudienceProblem[] {
  const problems: AudienceProblem[] = [];
  if (!audience.title.trim()) problems.push('title');
  if (!audienceNamePattern.test(audience.name)) problems.push('name');
  else if (creating && existingNames.includes(audience.name)) problems.push('name_taken');
  if (audience.organisationIds.length === 0 && audience.roles.length === 0) problems.push('members');
  if (audience.sectionIds.length === 0) problems.push('sections');
  if (
    audience.incidentIds !== null &&
    audience.incidentIds.length === 0 &&
    audience.sectionIds.includes('incidents')
  )
    problems.push('incidents');
  return problems;
}

/** Turns an id on or off in a list, keeping the list's order for what stays. */
export function toggled(list: readonly string[], id: string, on: boolean): string[] {
  const without = list.filter((candidate) => candidate !== id);
  return on ? [...without, id] : without;
}
