import { MASK_MARKER } from '@laget/contracts';

/** A half-open range of UTF-16 code units, as JavaScript's String offsets count. */
export interface Span {
  start: number;
  end: number;
}

/** Letters, digits, combining marks and connectors: what a word is made of, in any script. */
const wordCharacter = /[\p{L}\p{N}\p{M}\p{Pc}]/u;
/** Code points that belong to the character before them: marks, joiners, variation selectors, skin tones, tags. */
const mark = /\p{M}/u;
function isExtending(codePoint: number): boolean {
  return (
    codePoint === 0x200c ||
    codePoint === 0x200d ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) ||
    mark.test(String.fromCodePoint(codePoint))
  );
}

const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;

function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  const high = text.charCodeAt(offset - 2);
  if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff)
    return text.codePointAt(offset - 2) as number;
  return low;
}

function isWordCharacter(codePoint: number): boolean {
  return !Number.isNaN(codePoint) && wordCharacter.test(String.fromCodePoint(codePoint));
}

/**
 * Whether a user-perceived character may start at `offset`: not inside a surrogate pair, not
 * before a combining mark or other extender, not after a zero-width joiner, not inside a flag.
 * A close, fast approximation of Unicode's extended grapheme clusters (Intl.Segmenter costs
 * about a millisecond per field here, which the open view cannot afford for hundreds of fields).
 */
function isBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const unit = text.charCodeAt(offset);
  const previousUnit = text.charCodeAt(offset - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && previousUnit >= 0xd800 && previousUnit <= 0xdbff) return false;
  const codePoint = text.codePointAt(offset) as number;
  if (isExtending(codePoint)) return false;
  const previous = codePointBefore(text, offset);
  if (previous === 0x200d) return false;
  if (isRegionalIndicator(codePoint) && isRegionalIndicator(previous)) {
    // Flags pair regional indicators from the left: a boundary only after an even run.
    let run = 0;
    let at = offset;
    while (at > 0 && isRegionalIndicator(codePointBefore(text, at))) {
      run += 1;
      at -= 2;
    }
    return run % 2 === 0;
  }
  return true;
}

function previousBoundary(text: string, offset: number): number {
  let at = offset - 1;
  while (at > 0 && !isBoundary(text, at)) at -= 1;
  return Math.max(0, at);
}

function nextBoundary(text: string, offset: number): number {
  let at = offset + 1;
  while (at < text.length && !isBoundary(text, at)) at += 1;
  return Math.min(text.length, at);
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
  const widened = live.map((span) => {
    let start = span.start;
    let end = span.end;
    while (!isBoundary(text, start)) start -= 1;
    while (!isBoundary(text, end)) end += 1;
    if (isWordCharacter(text.codePointAt(start) as number)) {
      while (start > 0 && isWordCharacter(codePointBefore(text, start)))
        start = previousBoundary(text, start);
    }
    if (isWordCharacter(codePointBefore(text, end))) {
      while (end < text.length && isWordCharacter(text.codePointAt(end) as number))
        end = nextBoundary(text, end);
    }
    return { start, end };
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
