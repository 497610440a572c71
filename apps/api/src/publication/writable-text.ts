import type { LagesbildDocument } from '@laget/contracts';

/**
 * Defence in depth under the edge's text rule (libs/contracts free-text.ts): text stored before
 * that rule, or written by some other way in, may hold characters a publication format cannot
 * hold. The writers drop them rather than let one character break a feed, a page or a PDF.
 */

/** Whether XML 1.0 can hold the code point (its `Char` production); lone surrogates cannot. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Whether a PDF text run can show it: no controls but tab and line feed, no noncharacters. */
function isPdfText(codePoint: number): boolean {
  if (codePoint === 0x09 || codePoint === 0x0a) return true;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return false;
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return false;
  if ((codePoint & 0xfffe) === 0xfffe) return false;
  return isXmlChar(codePoint);
}

function keepOnly(text: string, keep: (codePoint: number) => boolean): string {
  let out = '';
  let dropped = false;
  // Iterating a string yields whole code points, and a lone surrogate as itself.
  for (const character of text) {
    if (keep(character.codePointAt(0)!)) out += character;
    else dropped = true;
  }
  return dropped ? out : text;
}

// Fast path: almost all text has nothing to drop.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_NOT_PDF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** The text without the characters XML 1.0 cannot hold (for the Atom feed and the HTML pages). */
export function xmlWritable(text: string): string {
  return MAYBE_NOT_XML.test(text) ? keepOnly(text, isXmlChar) : text;
}

/** The text as a PDF shows it: CR line ends as \n, no controls, surrogates or noncharacters. */
export function pdfWritable(text: string): string {
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return MAYBE_NOT_PDF.test(lines) ? keepOnly(lines, isPdfText) : lines;
}

/** Every string of a document (titles, texts, items) through `write`; the shape stays the same. */
export function mapDocumentText(doc: LagesbildDocument, write: (text: string) => string): LagesbildDocument {
  const map = (value: unknown): unknown => {
    if (typeof value === 'string') return write(value);
    if (Array.isArray(value)) return value.map(map);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, map(inner)]));
    }
    return value;
  };
  return map(doc) as LagesbildDocument;
}
