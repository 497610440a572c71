import type { ErasureMatch } from '@laget/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { scanText } from '../lagesbild/suggestion-scanner.js';

export type MatchKind = 'text' | 'personnummer' | 'phone' | 'email';

export function matchKindOf(match: ErasureMatch): MatchKind {
  if ('text' in match) return 'text';
  if ('personnummer' in match) return 'personnummer';
  if ('phone' in match) return 'phone';
  return 'email';
}

const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
/** A personnummer's ten digits (century, dash and plus dropped): the same person however written. */
const tenDigits = (text: string) => text.replace(/\D/g, '').slice(-10);
const e164 = (text: string) => parsePhoneNumberFromString(text, 'SE')?.number ?? text.replace(/\D/g, '');

/**
 * Whether a value holds the person asked about. A name or other text: anywhere in it, case and
 * spacing aside. A personnummer, phone number or e-mail address: one the redaction suggestion
 * scanner finds in it (lagesbild/suggestion-scanner.ts) that is the same number or address
 * however written ("19811218-9876" is "811218-9876"; "070-123 45 67" is "+46701234567").
 */
export function matcherFor(match: ErasureMatch): (value: string) => boolean {
  if ('text' in match) {
    const wanted = folded(match.text);
    return (value) => wanted.length > 0 && folded(value).includes(wanted);
  }
  const [kind, wanted, normalise] =
    'personnummer' in match
      ? (['personnummer', tenDigits(match.personnummer), tenDigits] as const)
      : 'phone' in match
        ? (['phone', e164(match.phone), e164] as const)
        : (['email', folded(match.email), folded] as const);
  return (value) =>
    scanText(value).some((finding) => finding.kind === kind && normalise(finding.text) === wanted);
}
