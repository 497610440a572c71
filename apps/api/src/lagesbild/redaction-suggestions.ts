import type { RedactionSuggestion } from '@laget/contracts';
import { sha256 } from './content-hash.js';
import type { LagesbildState } from './lagesbild-state.js';
import { maskedRegions, type Span } from './mask-text.js';
import type { MaskRedaction } from './redaction.js';
import { isStale } from './redaction-staleness.js';
import { withheldFromOpen } from './analysis-layout.js';
import { type TextField, textFields } from './redaction-target.js';
import { createSuggestionScanner, type ScannerOptions } from './suggestion-scanner.js';

type Found = Omit<RedactionSuggestion, 'id' | 'context'>;

/** How far either side of a suggestion its context reaches (CONTRACT.md: ±40 characters). */
export const CONTEXT_REACH = 40;

/** The text around a span, never cutting a surrogate pair in two. */
export function contextAround(value: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT_REACH);
  let to = Math.min(value.length, end + CONTEXT_REACH);
  const isLow = (at: number) => value.charCodeAt(at) >= 0xdc00 && value.charCodeAt(at) <= 0xdfff;
  if (from > 0 && isLow(from)) from -= 1;
  if (to < value.length && isLow(to)) to += 1;
  return value.slice(from, to);
}

/** Names one suggestion on one field by its item (not its index), span, kind and text. */
function suggestionId(sectionId: string, field: TextField, found: Found): string {
  const key = [sectionId, field.itemId ?? '', field.field, found.start, found.end, found.kind, found.text];
  return sha256(key.join('\u0000')).slice(0, 24);
}

/**
 * What the coordinator should look at before approving: personal data the scanner finds in text
 * that will be visible in the open version, and every other occurrence of a text that is masked
 * somewhere (a secret masked once but left standing elsewhere is the classic leak). Anything
 * already hidden, left out or dismissed on this very text is not suggested again.
 */
export function redactionSuggestions(
  state: LagesbildState,
  options: ScannerOptions = {},
): RedactionSuggestion[] {
  const scan = createSuggestionScanner(options);
  const excludedSections = new Set<string>();
  const excludedItems = new Set<string>();
  const masksByField = new Map<string, MaskRedaction[]>();
  const staleFields = new Set<string>();
  const key = (sectionId: string, itemId: string | null, field = '') =>
    `${sectionId}\u0000${itemId ?? ''}\u0000${field}`;

  for (const redaction of state.redactions) {
    if (redaction.kind === 'exclude') {
      if (redaction.target.kind === 'section') excludedSections.add(redaction.target.sectionId);
      else excludedItems.add(key(redaction.target.sectionId, redaction.target.itemId));
      continue;
    }
    const fieldKey = key(redaction.target.sectionId, redaction.target.itemId, redaction.target.field);
    if (isStale(state.sections, redaction)) staleFields.add(fieldKey);
    masksByField.set(fieldKey, [...(masksByField.get(fieldKey) ?? []), redaction]);
  }

  const visibleFields: Array<{ sectionId: string; field: TextField; regions: Span[] }> = [];
  const secrets = new Set<string>();
  for (const section of state.sections) {
    if (excludedSections.has(section.id)) continue;
    for (const field of textFields(section)) {
      if (field.itemId !== null && excludedItems.has(key(section.id, field.itemId))) continue;
      if (withheldFromOpen(state.period, section, field.field)) continue;
      const fieldKey = key(section.id, field.itemId, field.field);
      // A stale mask hides the whole field until it is re-confirmed.
      if (staleFields.has(fieldKey)) continue;
      const masks = masksByField.get(fieldKey) ?? [];
      for (const mask of masks) {
        const secret = field.value.slice(mask.start, mask.end).trim();
        if ((secret.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2) secrets.add(secret);
      }
      visibleFields.push({ sectionId: section.id, field, regions: maskedRegions(field.value, masks) });
    }
  }
  // Every visible field in one string, so each masked text is searched once (indexOf), not per field.
  const offsets: number[] = [];
  let joined = '';
  for (const { field } of visibleFields) {
    offsets.push(joined.length);
    joined += `${field.value}\u0000`;
  }
  const elsewhere: Array<Array<{ start: number; end: number; text: string }>> = visibleFields.map(() => []);
  for (const secret of secrets) {
    for (let at = joined.indexOf(secret); at !== -1; at = joined.indexOf(secret, at + 1)) {
      let low = 0;
      let high = offsets.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((offsets[mid] as number) <= at) low = mid;
        else high = mid - 1;
      }
      const start = at - (offsets[low] as number);
      elsewhere[low]?.push({ start, end: start + secret.length, text: secret });
    }
  }

  // Dismissals by field; the field's hash is computed only where one exists.
  const dismissedByField = new Map<string, Set<string>>();
  for (const d of state.dismissedSuggestions) {
    const fieldKey = key(d.sectionId, d.itemId, d.field);
    const entries = dismissedByField.get(fieldKey) ?? new Set<string>();
    entries.add(`${d.start}:${d.end}:${d.kind}:${d.anchorHash}`);
    dismissedByField.set(fieldKey, entries);
  }
  const covered = (regions: Span[], start: number, end: number) =>
    regions.some((region) => region.start <= start && end <= region.end);

  const suggestions: RedactionSuggestion[] = [];
  visibleFields.forEach(({ sectionId, field, regions }, index) => {
    const found: Found[] = scan(field.value).map((finding) => ({
      sectionId,
      path: field.path,
      ...finding,
    }));
    for (const { start, end, text } of elsewhere[index] ?? []) {
      found.push({ sectionId, path: field.path, start, end, kind: 'masked_elsewhere', text });
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end);
    const dismissals = dismissedByField.get(key(sectionId, field.itemId, field.field));
    const hash = dismissals ? sha256(field.value) : '';
    let previous: Found | undefined;
    for (const suggestion of found) {
      // The scanner's kind says more than "masked elsewhere" for the very same span.
      if (previous && previous.start === suggestion.start && previous.end === suggestion.end) continue;
      if (covered(regions, suggestion.start, suggestion.end)) continue;
      if (dismissals?.has(`${suggestion.start}:${suggestion.end}:${suggestion.kind}:${hash}`)) continue;
      suggestions.push({
        id: suggestionId(sectionId, field, suggestion),
        ...suggestion,
        context: contextAround(field.value, suggestion.start, suggestion.end),
      });
      previous = suggestion;
    }
  });
  return suggestions;
}
