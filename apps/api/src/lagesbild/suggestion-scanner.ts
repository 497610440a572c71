import type { SuggestionKind } from '@laget/contracts';
import { findNumbers, parsePhoneNumberFromString } from 'libphonenumber-js';
import personnummerModule from 'personnummer';
import { ambiguousNames, commonFirstNames, commonSurnames } from './swedish-names.data.js';

// The package ships CommonJS (`module.exports = Personnummer`) with types that claim an ES default.
type PersonnummerClass = typeof personnummerModule.default;
const Personnummer: PersonnummerClass =
  (personnummerModule as unknown as { default?: PersonnummerClass }).default ??
  (personnummerModule as unknown as PersonnummerClass);

export type FindingKind = Exclude<SuggestionKind, 'masked_elsewhere'>;

/** Something in a text that looks like personal data; offsets in UTF-16 code units. */
export interface Finding {
  start: number;
  end: number;
  kind: FindingKind;
  text: string;
}

export interface ScannerOptions {
  /** Names from Läget's own records (users, contacts), e.g. "Stefan Sandström". */
  knownNames?: readonly string[];
  /**
   * Names that are not persons however they read: Läget's own organisations and the places in
   * the register ("Frida Hansdotter Arena"). A name found inside one of them is not suggested.
   */
  notPersons?: readonly string[];
}

const letterOrDigit = /[\p{L}\p{N}]/u;

/** When two findings overlap, the more specific kind wins: a personnummer is not also a phone number. */
const priority: Record<FindingKind, number> = {
  personnummer: 0,
  email: 1,
  phone: 2,
  licence_plate: 3,
  address: 4,
  name: 5,
};

// ---- personnummer and samordningsnummer (Luhn and date checked by the personnummer package) ----

const personnummerCandidate = /(?<![\d])(?:\d{8}|\d{6})[-+]?\d{4}(?!\d)/g;

function findPersonnummer(text: string, out: Finding[]): void {
  for (const match of text.matchAll(personnummerCandidate)) {
    if (Personnummer.valid(match[0], { allowCoordinationNumber: true, allowInterimNumber: false })) {
      out.push({
        start: match.index,
        end: match.index + match[0].length,
        kind: 'personnummer',
        text: match[0],
      });
    }
  }
}

// ---- phone numbers: cheap candidate regions first, libphonenumber-js only where digits cluster ----

const phoneCandidate = /(?:\+|\b00|\(0|\b0)[\d\s\-()/]{5,20}\d/g;

function phoneFinding(text: string, start: number, end: number): Finding | null {
  const raw = text.slice(start, end);
  // Swedish numbers are written with their trunk 0 or a country code; "2024-11-27" is a date.
  return /^(?:\+|00|\(?0)/.test(raw) ? { start, end, kind: 'phone', text: raw } : null;
}

function findPhones(text: string, out: Finding[]): void {
  for (const candidate of text.matchAll(phoneCandidate)) {
    // Most candidates are exactly one number: one parse is far cheaper than the matcher.
    const trimmed = candidate[0].replace(/[\s\-(/]+$/, '');
    const parsed = parsePhoneNumberFromString(trimmed, 'SE');
    if (parsed?.isValid()) {
      const finding = phoneFinding(text, candidate.index, candidate.index + trimmed.length);
      if (finding) out.push(finding);
      continue;
    }
    for (const found of findNumbers(candidate[0], { defaultCountry: 'SE', v2: true })) {
      const finding = phoneFinding(text, candidate.index + found.startsAt, candidate.index + found.endsAt);
      if (finding) out.push(finding);
    }
  }
}

// ---- e-mail: grown outwards from each "@" (no backtracking over long words) ----

const localPart = /[\p{L}\p{N}._%+-]/u;
const domainPart = /[\p{L}\p{N}.-]/u;

function findEmails(text: string, out: Finding[]): void {
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && localPart.test(text[start - 1] as string)) start -= 1;
    let end = at + 1;
    while (end < text.length && domainPart.test(text[end] as string)) end += 1;
    while (end > at + 1 && /[.-]/.test(text[end - 1] as string)) end -= 1;
    while (start < at && text[start] === '.') start += 1;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u.test(domain)) {
      out.push({ start, end, kind: 'email', text: text.slice(start, end) });
    }
    at = text.indexOf('@', end > at ? end : at + 1);
  }
}

// ---- Swedish licence plates: ABC 123, ABC 12A (no I, Q, V or Å Ä Ö; no O last) ----

const licencePlate = /(?<![\p{L}\p{N}])([A-HJ-PR-UW-Z]{3}) ?\d{2}[A-HJ-NPR-UW-Z\d](?![\p{L}\p{N}])/gu;
/** Upper-case words that are abbreviations in EST texts, not plates: "SOS 112". */
const notPlates = new Set(['SOS', 'EST', 'LSS', 'BUP', 'SKR', 'MSB', 'BRA', 'HVB', 'SFB', 'OSL']);

function findLicencePlates(text: string, out: Finding[]): void {
  for (const match of text.matchAll(licencePlate)) {
    if (notPlates.has(match[1] as string)) continue;
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      kind: 'licence_plate',
      text: match[0],
    });
  }
}

// ---- street addresses: a street name ("…gatan", "…vägen") with a number, "14B" or "14 B" ----

const streetAddress =
  /(?<![\p{L}\p{N}])[\p{L}-]*(?:gatan|gata|vägen|väg|gränd|gränden|torget|torg|stigen|backen|allén|allé|plan|leden|gången|stråket|platsen|slingan|liden|kajen|esplanaden) \d{1,4}(?:[A-Za-z]| [A-Z])?(?![\p{L}\p{N}])/gu;
/** Roads, not addresses: "riksväg 68". */
const roadNumber = /^(?:riks|läns|europa|e)?väg /i;

function findAddresses(text: string, out: Finding[]): void {
  for (const match of text.matchAll(streetAddress)) {
    if (roadNumber.test(match[0])) continue;
    out.push({ start: match.index, end: match.index + match[0].length, kind: 'address', text: match[0] });
  }
}

// ---- personal names ----

/** A capitalised word, hyphenated parts allowed ("Ann-Sofie"), or an initial ("E", "E."). */
const capitalisedWord =
  /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{Ll}\p{M}]*(?:-\p{Lu}[\p{Ll}\p{M}]*)*(?![\p{L}\p{N}])\.?/gu;
const surnameShape =
  /(?:sson|son|dotter|ström|berg|gren|lund|qvist|kvist|holm|dahl|blad|stedt|strand|sjö|by)$/;

interface Token {
  start: number;
  end: number;
  word: string;
}

interface NameLexicon {
  firstNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  ambiguous: ReadonlySet<string>;
  known: ReadonlySet<string>;
}

function buildLexicon(knownNames: readonly string[]): NameLexicon {
  const known = new Set<string>();
  for (const name of knownNames) {
    for (const part of name.split(/[\s,]+/)) if (part.length >= 2) known.add(part);
  }
  return {
    firstNames: new Set(commonFirstNames),
    surnames: new Set(commonSurnames),
    ambiguous: new Set(ambiguousNames),
    known,
  };
}

function sentenceStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s"'“”«»(]/.test(text[i] as string)) i -= 1;
  return i < 0 || /[.!?:;\n•–-]/.test(text[i] as string);
}

function findNames(text: string, lexicon: NameLexicon, out: Finding[]): void {
  const isInitial = (word: string) => /^\p{Lu}\.?$/u.test(word);
  const isName = (part: string) =>
    lexicon.firstNames.has(part) || lexicon.surnames.has(part) || lexicon.known.has(part);
  const isAnchor = (word: string) => isName(word) || (word.includes('-') && word.split('-').some(isName));
  const isFirstName = (word: string) =>
    lexicon.firstNames.has(word) ||
    (word.includes('-') && word.split('-').some((part) => lexicon.firstNames.has(part)));
  const continues = (word: string) => isAnchor(word) || isInitial(word) || surnameShape.test(word);

  const tokens: Token[] = [];
  for (const match of text.matchAll(capitalisedWord)) {
    const word = match[0].endsWith('.') && match[0].length > 2 ? match[0].slice(0, -1) : match[0];
    tokens.push({ start: match.index, end: match.index + word.length, word });
  }
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (!isAnchor(first.word)) continue;
    let last = i;
    while (last + 1 < tokens.length) {
      const next = tokens[last + 1] as Token;
      const end = (tokens[last] as Token).end;
      const singleSpace = next.start === end + 1 && text.charCodeAt(end) === 32;
      // The word right after a first name is taken as the surname, listed or not ("Fatima Yılmaz").
      const surnamePosition = last === i && isFirstName(first.word);
      if (!singleSpace || !(continues(next.word) || surnamePosition)) break;
      last += 1;
    }
    const lone = last === i;
    const ambiguousAlone =
      lone &&
      lexicon.ambiguous.has(first.word) &&
      !lexicon.known.has(first.word) &&
      sentenceStart(text, first.start);
    if (!ambiguousAlone) {
      const end = (tokens[last] as Token).end;
      out.push({ start: first.start, end, kind: 'name', text: text.slice(first.start, end) });
    }
    i = last;
  }
}

// ---- the scanner ----

/** Keeps one finding per stretch of text: the earliest, then the most specific kind. */
function resolveOverlaps(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || priority[a.kind] - priority[b.kind] || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of findings) {
    const previous = kept[kept.length - 1];
    if (previous && finding.start < previous.end) {
      if (priority[finding.kind] < priority[previous.kind]) kept[kept.length - 1] = finding;
      continue;
    }
    kept.push(finding);
  }
  return kept;
}

/** A scanner bound to a set of known names (build once per request, use for every field). */
export function createSuggestionScanner(options: ScannerOptions = {}): (text: string) => Finding[] {
  const lexicon = buildLexicon(options.knownNames ?? []);
  const notPersons = [...new Set((options.notPersons ?? []).map((name) => name.trim()))].filter(
    (name) => name.length >= 2,
  );
  return (text: string) => {
    const findings: Finding[] = [];
    if (/\d/.test(text)) {
      findPersonnummer(text, findings);
      findPhones(text, findings);
      findLicencePlates(text, findings);
      findAddresses(text, findings);
    }
    if (text.includes('@')) findEmails(text, findings);
    findNames(text, lexicon, findings);
    const kept = findings.filter(
      (finding) =>
        letterOrDigit.test(finding.text) &&
        !(finding.kind === 'name' && insideNotPerson(text, finding, notPersons)),
    );
    return resolveOverlaps(kept);
  };
}

/** Whether the name lies within an occurrence of an organisation's or a place's name. */
function insideNotPerson(text: string, finding: Finding, notPersons: readonly string[]): boolean {
  for (const phrase of notPersons) {
    // The earliest occurrence that could still reach the finding's end.
    const from = Math.max(0, finding.end - phrase.length);
    const at = text.indexOf(phrase, from);
    if (at !== -1 && at <= finding.start && finding.end <= at + phrase.length) return true;
  }
  return false;
}

export function scanText(text: string, options: ScannerOptions = {}): Finding[] {
  return createSuggestionScanner(options)(text);
}
