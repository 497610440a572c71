import type { DocumentSection, LagesbildDocument } from '@laget/contracts';

/**
 * Where a redaction points, read back out of the internal document: the API names a field by a
 * JSON Pointer into its section (`/text`, `/items/2/comment`), and the coordinator needs both
 * the text that is there now and words for where it is.
 */
export interface FieldPlace {
  section: DocumentSection | undefined;
  /** 1-based row of the incident table or statistics, for people; null for the section's own text. */
  row: number | null;
  /** The field's name in the section or item (`text`, `comment` …); null for a whole section or item. */
  field: string | null;
}

function tokensOf(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function placeOf(
  doc: LagesbildDocument | undefined,
  sectionId: string,
  path: string | null,
): FieldPlace {
  const section = doc?.sections.find((candidate) => candidate.id === sectionId);
  const tokens = path === null ? [] : tokensOf(path);
  if (tokens[0] === 'items') {
    const index = Number(tokens[1]);
    return {
      section,
      row: Number.isInteger(index) ? index + 1 : null,
      field: tokens[2] ?? null,
    };
  }
  return { section, row: null, field: tokens[0] ?? null };
}

/** The text of one field as the document has it now; undefined where there is none (item gone, not text). */
export function fieldText(
  doc: LagesbildDocument | undefined,
  sectionId: string,
  path: string | null,
): string | undefined {
  const { section, row, field } = placeOf(doc, sectionId, path);
  if (!section || !field) return undefined;
  const holder: unknown = row === null ? section : section.items?.[row - 1];
  const value = (holder as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Where to start re-confirming a stale mask: its old offsets kept inside the new text. The text
 * has changed, so this is only a first guess the coordinator checks and moves.
 */
export function proposedSpan(
  text: string,
  old: { start?: number; end?: number },
): { start: number; end: number } {
  const length = text.length;
  if (length === 0) return { start: 0, end: 0 };
  const start = Math.min(Math.max(0, old.start ?? 0), length - 1);
  const end = Math.min(Math.max(start + 1, old.end ?? start + 1), length);
  return { start, end };
}

/**
 * Where a text the coordinator typed occurs in the field: the occurrence nearest the old mask,
 * so that typing the name again finds the same person's name rather than an earlier mention.
 */
export function spanOf(text: string, wanted: string, near = 0): { start: number; end: number } | undefined {
  if (!wanted) return undefined;
  let best: number | undefined;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    if (best === undefined || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === undefined ? undefined : { start: best, end: best + wanted.length };
}
