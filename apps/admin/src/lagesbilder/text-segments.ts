/**
 * A field's text cut into plain and marked pieces, so the internal view can show what the open
 * version will mask. Offsets are UTF-16 code units (CONTRACT.md), as `String.prototype.slice`
 * counts them; overlapping or out-of-range spans are merged and clamped rather than trusted.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  marked: boolean;
}

export function mergeSpans(spans: Span[], length: number): Span[] {
  const clamped = spans
    .map(({ start, end }) => ({
      start: Math.max(0, Math.min(start, length)),
      end: Math.max(0, Math.min(end, length)),
    }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of clamped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export function segments(text: string, spans: Span[]): Segment[] {
  const result: Segment[] = [];
  let at = 0;
  for (const { start, end } of mergeSpans(spans, text.length)) {
    if (start > at) result.push({ text: text.slice(at, start), marked: false });
    result.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || result.length === 0) result.push({ text: text.slice(at), marked: false });
  return result;
}
