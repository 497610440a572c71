import { createHash } from 'node:crypto';

/*
 * The one canonical JSON and content hash of Läget (lagesbild and publication both use it).
 *
 * The stored-hash format is the lägesbild's: `openContentHash` = sha256(canonicalJson({period,
 * sections})) is recorded in LagesbildApproved, PublicationRequested and LagesbildPublished
 * events and is the key of `publication_contents`, where the publication job checks it again.
 * Those hashes must keep verifying, so this form may never change for JSON data:
 *   - object keys in plain code-unit sort order (`Object.keys().sort()`), written in that order;
 *   - members whose value is undefined (or a function or symbol, which JSON cannot hold) left out;
 *   - array holes, undefined and functions in arrays written `null`, as JSON.stringify does.
 * Publication's former copy differed in two ways, both kept here only where no stored hash can
 * meet them: it wrote integer-like keys ("2" before "10") in number order (Object.fromEntries
 * reorders them), which the lägesbild form does not, and it hashed Dates as ISO strings and
 * Buffers as their SHA-256. Lägesbild content is JSON read from events (no integer keys, Dates
 * or Buffers), so taking the Date/Buffer rules over changes no stored hash, and the PDF's file
 * ID (lagesbild-pdf.ts: a Date and font Buffers, identifier keys only) stays what it was.
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Uint8Array) return JSON.stringify(sha256Hex(value));
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const entry = record[key];
    if (entry === undefined || typeof entry === 'function' || typeof entry === 'symbol') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(entry)}`;
    first = false;
  }
  return `${out}}`;
}

/** Hex SHA-256 of a text (as UTF-8) or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hex SHA-256 of a text as UTF-8: a mask's anchor, a suggestion's id. */
export function sha256(text: string): string {
  return sha256Hex(text);
}

/** The hex SHA-256 of a value's canonical JSON: what a published revision is recorded and stored by. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
