import type { RedactionSuggestion, SuggestionKind } from '@laget/contracts';

/**
 * The Monday screen's suggestions handled many at a time. Pure, so selection and the
 * one-request-per-suggestion run are tested without a browser. Every suggestion is still masked
 * or dismissed by a request of its own: one event each on the server, each with its legal ground
 * and reason in the history.
 */

/** The kinds that are personal data whatever the sentence: masked in bulk with one legal ground. */
export const personalDataKinds: readonly SuggestionKind[] = ['personnummer', 'phone', 'email'];

export const isPersonalData = (suggestion: Pick<RedactionSuggestion, 'kind'>) =>
  personalDataKinds.includes(suggestion.kind);

/** The selection is kept by suggestion id; a suggestion that went away drops out of it. */
export type Selection = ReadonlySet<string>;

export function toggled(selection: Selection, id: string): Set<string> {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** All selected, or none when all already are (one "select all" box). */
export function toggledAll(selection: Selection, suggestions: readonly RedactionSuggestion[]): Set<string> {
  const all = suggestions.every((s) => selection.has(s.id));
  return all ? new Set() : new Set(suggestions.map((s) => s.id));
}

export function selectedOf(
  selection: Selection,
  suggestions: readonly RedactionSuggestion[],
): RedactionSuggestion[] {
  return suggestions.filter((s) => selection.has(s.id));
}

/** The text around a suggestion with the hit apart, for showing it highlighted. */
export function contextParts(suggestion: Pick<RedactionSuggestion, 'text' | 'context'>): {
  before: string;
  hit: string;
  after: string;
} {
  const at = suggestion.context.indexOf(suggestion.text);
  if (at < 0) return { before: suggestion.context, hit: '', after: '' };
  return {
    before: suggestion.context.slice(0, at),
    hit: suggestion.text,
    after: suggestion.context.slice(at + suggestion.text.length),
  };
}

export interface BulkProgress {
  done: number;
  total: number;
}

export interface BulkOutcome<T> {
  succeeded: T[];
  failed: { item: T; error: unknown }[];
}

const statusOf = (caught: unknown) => (caught as { status?: number } | undefined)?.status;

/**
 * Sends one request per item, one after the other: each request carries the lägesbild's version
 * (If-Match) that the one before it moved, so they cannot run side by side. A 409 (someone else
 * changed the week meanwhile; the workspace has re-read it) is tried once more with the new
 * version; any other refusal is kept and the rest carry on.
 */
export async function sendEach<T>(
  items: readonly T[],
  send: (item: T) => Promise<unknown>,
  onProgress: (progress: BulkProgress) => void = () => {},
): Promise<BulkOutcome<T>> {
  const outcome: BulkOutcome<T> = { succeeded: [], failed: [] };
  onProgress({ done: 0, total: items.length });
  for (const [index, item] of items.entries()) {
    try {
      try {
        await send(item);
      } catch (caught) {
        if (statusOf(caught) !== 409) throw caught;
        await send(item);
      }
      outcome.succeeded.push(item);
    } catch (error) {
      outcome.failed.push({ item, error });
    }
    onProgress({ done: index + 1, total: items.length });
  }
  return outcome;
}
