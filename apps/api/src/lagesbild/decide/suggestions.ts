import { sha256 } from '../content-hash.js';
import type { LagesbildCommand, LagesbildEvent, LagesbildState } from '../lagesbild-state.js';
import { fieldValue, resolveRedactionPath } from '../redaction-target.js';
import { checkSpan, type CommandOf, findSection, invalid, requireCompiled } from './guards.js';

/* Suggestions of personal data: a dismissal stays while the text under it is unchanged (its anchor hash). */

/** Records that a suggested span is not to be masked. */
export function decideDismissSuggestion(
  command: CommandOf<LagesbildCommand, 'DismissSuggestion'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireCompiled(state);
  const { sectionId, path, start, end, kind, reason, actorId } = command.data;
  const section = findSection(state, sectionId);
  const resolved = resolveRedactionPath(section, path);
  if (resolved.kind !== 'field') throw invalid('A suggestion points at a text field', { path });
  const value = fieldValue(section, resolved.itemId, resolved.field) ?? '';
  checkSpan(value, start, end);
  return [
    {
      type: 'SuggestionDismissed',
      data: {
        sectionId,
        itemId: resolved.itemId,
        field: resolved.field,
        path,
        start,
        end,
        kind,
        anchorHash: sha256(value),
        reason,
        by: actorId,
      },
    },
  ];
}
