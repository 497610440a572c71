import { MASK_MARKER } from '@laget/contracts';

/** A half-open range of UTF-16 code units, as JavaScript's String offsets count. */
export interface Span {
  start: number;
  end: number;
}

const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });
/** Letters, digits, combining marks and connectors: what a word is made of, in any script. */
const wordCharacter = /^[\p{L}\p{N}\p{M}\p{Pc}]/u;

/** Offsets where a user-perceived character starts, plus the text's end. */
function graphemeBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  for (const { index } of graphemes.segment(text)) boundaries.push(index);
  boundaries.push(text.length);
  return boundaries;
}

/** Largest boundary ≤ offset (binary search; boundaries are sorted and start at 0). */
function floorIndex(boundaries: readonly number[], offset: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((boundaries[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The regions that will actually be hidden: every span widened to whole characters (a surrogate
 * pair, a letter with its combining marks, an emoji sequence are never split) and to whole words
 * (masking half a word shows the rest and hints at the length), then overlapping and touching
 * regions merged. Sorted, disjoint, non-empty.
 */
export function maskedRegions(text: string, spans: readonly Span[]): Span[] {
  const live = spans
    .map((span) => ({ start: Math.max(0, span.start), end: Math.min(text.length, span.end) }))
    .filter((span) => span.start < span.end);
  if (live.length === 0) return [];
  const boundaries = graphemeBoundaries(text);
  const last = boundaries.length - 1;
  const wordy = (index: number) => {
    const start = boundaries[index] as number;
    return wordCharacter.test(text.slice(start, boundaries[index + 1]));
  };
  const widened = live.map((span) => {
    let first = floorIndex(boundaries, span.start);
    let end = floorIndex(boundaries, span.end);
    if ((boundaries[end] as number) < span.end) end += 1;
    if (wordy(first)) while (first > 0 && wordy(first - 1)) first -= 1;
    if (end > first && wordy(end - 1)) while (end < last && wordy(end)) end += 1;
    return { start: boundaries[first] as number, end: boundaries[end] as number };
  });
  widened.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of widened) {
    const previous = merged[merged.length - 1];
    if (previous && span.start <= previous.end) previous.end = Math.max(previous.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The text as the open version shows it: each hidden region reads as one `[maskerat]`. */
export function maskText(text: string, spans: readonly Span[]): string {
  const regions = maskedRegions(text, spans);
  if (regions.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const region of regions) {
    result += text.slice(cursor, region.start) + MASK_MARKER;
    cursor = region.end;
  }
  return result + text.slice(cursor);
}
