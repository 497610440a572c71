import type { UnhandledSuggestion } from '@laget/contracts';
import { conflict } from '../platform/domain/domain-error.js';
import type { LagesbildState } from './lagesbild-state.js';
import { redactionSuggestions } from './redaction-suggestions.js';
import type { ScannerOptions } from './suggestion-scanner.js';

/**
 * Approval waits for every suggestion. A name Läget still points at in the open version is
 * either personal data that would be published or a false alarm a person should say is one, so
 * each must be masked or dismissed (both recorded) before anyone may approve. The scanner's
 * options (the names Läget knows, and the organisation and place names that are not persons)
 * come with the command so that this stays a pure function of the state.
 */
export function requireEverySuggestionHandled(state: LagesbildState, scanner: ScannerOptions = {}): void {
  const unhandled: UnhandledSuggestion[] = redactionSuggestions(state, scanner).map(
    ({ id, sectionId, path, start, end, kind, text, context }) => ({
      id,
      sectionId,
      path,
      start,
      end,
      kind,
      text,
      context,
    }),
  );
  if (unhandled.length === 0) return;
  throw conflict(
    `${unhandled.length} förslag på maskering väntar: maskera eller avfärda vart och ett innan du godkänner / ${unhandled.length} redaction suggestion(s) are neither masked nor dismissed; mask or dismiss each before approving`,
    { unhandledSuggestions: unhandled },
  );
}
