import { SEVERITY_LABELS } from '@laget/contracts';

type Level = keyof typeof SEVERITY_LABELS;

/** A severity option's word as the form shows it ("2 lindrigt"); the contract names the levels. */
export function severityWord(level: Level, locale: string): string {
  return SEVERITY_LABELS[level][locale === 'en' ? 'en' : 'sv'].toLowerCase();
}

/**
 * The help text's ends of the scale, from the same words as the options, so the help cannot
 * say "1 = lindrigt" beside an option "1 obetydligt".
 */
export function severityHelpWords(locale: string): { lowest: string; highest: string } {
  return { lowest: severityWord(1, locale), highest: severityWord(5, locale) };
}
