import { z } from 'zod';

/**
 * The one text type at the boundary (issue 13): every free-text field of every command goes
 * through `freeText`. What a person typed is kept as typed, only normalised (line ends to \n,
 * NFC so å is one character); what no person types and what breaks storage or a publication
 * format is refused with a 400 naming the field, never silently stripped:
 *
 * - lone surrogates (not Unicode at all: PostgreSQL's jsonb refuses them, XML cannot hold them),
 * - NUL and the other C0 controls except tab and line ends, DEL, and the C1 controls,
 * - noncharacters: U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF in every plane,
 * - the bidi embedding, override and isolate controls and U+FEFF: invisible, and they make text
 *   read differently from what it holds (a published page must say what it says).
 */

/** Builds a message naming the field, in the calling module's style: Swedish first, then English. */
export type SayAboutField = (sv: string, en: string) => string;

export interface ForbiddenCharacter {
  /** UTF-16 index in the text as sent. */
  index: number;
  /** The code point (for a lone surrogate, the surrogate itself). */
  codePoint: number;
  kind: 'lone_surrogate' | 'control' | 'noncharacter' | 'invisible_format';
}

function kindOf(codePoint: number): ForbiddenCharacter['kind'] | null {
  if (codePoint < 0x20)
    return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d ? null : 'control';
  if (codePoint >= 0x7f && codePoint <= 0x9f) return 'control';
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return 'noncharacter';
  if ((codePoint & 0xfffe) === 0xfffe) return 'noncharacter';
  if (
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0xfeff
  ) {
    return 'invisible_format';
  }
  return null;
}

/** The first character `freeText` refuses, or null when the text may be stored as it is. */
export function firstForbiddenCharacter(text: string): ForbiddenCharacter | null {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const codePoint = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        const kind = kindOf(codePoint);
        if (kind) return { index, codePoint, kind };
        index++;
        continue;
      }
      return { index, codePoint: unit, kind: 'lone_surrogate' };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { index, codePoint: unit, kind: 'lone_surrogate' };
    const kind = kindOf(unit);
    if (kind) return { index, codePoint: unit, kind };
  }
  return null;
}

/** What is stored of allowed text: CRLF, CR and the Unicode line/paragraph separators as \n; NFC. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC');
}

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const describe: Record<ForbiddenCharacter['kind'], { sv: string; en: string }> = {
  lone_surrogate: { sv: 'ett ensamt surrogattecken', en: 'a lone surrogate' },
  control: { sv: 'ett styrtecken', en: 'a control character' },
  noncharacter: { sv: 'ett icke-tecken', en: 'a noncharacter' },
  invisible_format: { sv: 'ett osynligt riktningstecken', en: 'an invisible direction character' },
};

/** The refusal of a text holding `found`, in both languages, with where it is. */
export function forbiddenCharacterMessage(
  say: SayAboutField,
  text: string,
  found: ForbiddenCharacter,
): string {
  // Counted as a person counts characters (code points), from 1.
  const position = [...text.slice(0, found.index)].length + 1;
  const what = describe[found.kind];
  return say(
    `innehåller ${what.sv} (${hex(found.codePoint)}) på plats ${position}, som inte får lagras`,
    `contains ${what.en} (${hex(found.codePoint)}) at position ${position}, which cannot be stored`,
  );
}

export interface FreeTextOptions {
  /** Most characters (UTF-16 units, after normalisation). */
  max: number;
  /** Fewest characters; with `min > 0` an answer of only spaces is empty. */
  min?: number;
  /** Trim surrounding white space (default: only when `min > 0`). */
  trim?: boolean;
}

/**
 * A free-text field: refused when not a string, when it holds a forbidden character (see above),
 * or outside its length; otherwise normalised. Stays a `ZodString`, so `.regex()`, `.optional()`
 * and `.default()` chain as usual.
 */
export function freeText(say: SayAboutField, { max, min = 0, trim = min > 0 }: FreeTextOptions) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? say('krävs', 'is required') : say('måste vara text', 'must be text'),
    })
    .check((context) => {
      const found = firstForbiddenCharacter(context.value);
      if (!found) return;
      context.issues.push({
        code: 'custom',
        input: context.value,
        message: forbiddenCharacterMessage(say, context.value, found),
        continue: false,
      });
    })
    .overwrite(normaliseText)
    .overwrite((value) => (trim ? value.trim() : value))
    .min(min, { error: say('får inte vara tom', 'must not be empty') })
    .max(max, {
      error: say(
        `högst ${max.toLocaleString('sv-SE')} tecken`,
        `at most ${max.toLocaleString('en-GB')} characters`,
      ),
    });
}

/** `Fält: … / field: …`, the style of the reporting and lägesbild bodies. */
export const sayBoth =
  (sv: string, en: string = sv): SayAboutField =>
  (svText, enText) =>
    `${sv}: ${svText} / ${en}: ${enText}`;
