import type {
  ApplyRedactionRequest,
  LagesbildDocument,
  RedactionSuggestion,
  UnhandledSuggestion,
} from '@laget/contracts';

/** What the redaction dialog is asked to do: mask a span, leave out an item or section, or mask a text everywhere. */
export interface RedactionDraft {
  sectionId: string;
  path: string;
  /** A span to mask, or absent to leave the whole item or section out. */
  span?: { start: number; end: number };
  /** What the person sees they are hiding. */
  text: string;
  suggestionKind?: RedactionSuggestion['kind'];
  /** "Maskera alla förekomster": every occurrence of `text` in the lägesbild. */
  everywhere?: boolean;
}

/** The draft for accepting a suggestion, at its place or everywhere its text stands. */
export function draftFromSuggestion(suggestion: RedactionSuggestion, everywhere = false): RedactionDraft {
  return {
    sectionId: suggestion.sectionId,
    path: suggestion.path,
    span: { start: suggestion.start, end: suggestion.end },
    text: suggestion.text,
    suggestionKind: suggestion.kind,
    ...(everywhere ? { everywhere: true } : {}),
  };
}

/** The request body for a draft with the ground and reason the coordinator chose. */
export function redactionRequestOf(
  draft: RedactionDraft,
  legalGround: string,
  reason: string,
): ApplyRedactionRequest {
  if (draft.everywhere) return { text: draft.text, everywhere: true, legalGround, reason };
  if (!draft.span)
    return { sectionId: draft.sectionId, path: draft.path, exclude: true, legalGround, reason };
  return {
    sectionId: draft.sectionId,
    path: draft.path,
    ...draft.span,
    legalGround,
    reason,
    ...(draft.suggestionKind ? { suggestionKind: draft.suggestionKind } : {}),
  };
}

/** The suggestions an approval's 409 says are still waiting, where it says so. */
export function waitingSuggestionsOf(error: unknown): UnhandledSuggestion[] | undefined {
  const waiting = (error as { body?: { details?: { unhandledSuggestions?: unknown } } })?.body?.details
    ?.unhandledSuggestions;
  if (!Array.isArray(waiting)) return undefined;
  return waiting.filter(
    (s): s is UnhandledSuggestion =>
      typeof s === 'object' && s !== null && typeof s.text === 'string' && typeof s.sectionId === 'string',
  );
}

/** Where a suggestion stands, as the coordinator reads it: the section's title. */
export function sectionTitleOf(doc: LagesbildDocument, sectionId: string): string {
  return doc.sections.find((section) => section.id === sectionId)?.title ?? sectionId;
}
