import { SCOPE_LABELS, SEVERITY_LABELS, type IncidentScope } from '@laget/contracts';

type Level = keyof typeof SEVERITY_LABELS;

export const SEVERITY_LEVELS = [1, 2, 3, 4, 5] as const satisfies readonly Level[];

const language = (locale: string) => (locale === 'en' ? 'en' : 'sv');

/** A severity option's word as the form shows it ("2 lindrigt"); the contract names the levels. */
export function severityWord(level: Level, locale: string): string {
  return SEVERITY_LABELS[level][language(locale)].toLowerCase();
}

/**
 * The help text's ends of the scale, from the same words as the options, so the help cannot
 * say "1 = lindrigt" beside an option "1 obetydligt".
 */
export function severityHelpWords(locale: string): { lowest: string; highest: string } {
  return { lowest: severityWord(1, locale), highest: severityWord(5, locale) };
}

/** A scope option as the form shows it ("E – egen verksamhet"), in the contract's words. */
export function scopeWords(scope: IncidentScope, locale: string): string {
  return `${scope} – ${SCOPE_LABELS[scope][language(locale)].toLowerCase()}`;
}
