import { DomainError } from '../../platform/domain/domain-error.js';
import type { LagesbildCommand, LagesbildEvent, LagesbildState } from '../lagesbild-state.js';
import { type CommandOf, invalid, requireCompiled } from './guards.js';

/* Target groups: who sees which sections of an audience version. */

/** Defines (or redefines) a target group over sections that exist. */
export function decideDefineAudience(
  command: CommandOf<LagesbildCommand, 'DefineAudience'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireCompiled(state);
  const { audience, actorId } = command.data;
  const unknown = audience.sectionIds.filter((id) => !state.sections.some((section) => section.id === id));
  if (unknown.length > 0)
    throw invalid('Målgruppen anger avsnitt som inte finns / The audience names sections that do not exist', {
      sectionIds: unknown,
    });
  if (audience.sectionIds.length === 0)
    throw invalid('Välj minst ett avsnitt / Choose at least one section', { field: 'sectionIds' });
  if (audience.organisationIds.length === 0 && audience.roles.length === 0) {
    throw invalid(
      'En målgrupp behöver minst en aktör eller roll / An audience needs at least one organisation or role',
      { field: 'organisationIds' },
    );
  }
  return [{ type: 'AudienceDefined', data: { audience, by: actorId } }];
}

/** Removes a target group that exists. */
export function decideRemoveAudience(
  command: CommandOf<LagesbildCommand, 'RemoveAudience'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireCompiled(state);
  if (!state.audiences.some((audience) => audience.name === command.data.name)) {
    throw new DomainError('not_found', `There is no audience "${command.data.name}"`);
  }
  return [{ type: 'AudienceRemoved', data: { name: command.data.name, by: command.data.actorId } }];
}
