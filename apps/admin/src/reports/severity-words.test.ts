import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { englishAppMessages } from '../i18n/en.js';
import { swedishMessages } from '../i18n/sv.js';
import { scopeWords, severityHelpWords, severityWord } from './severity-words.js';

describe.each([
  ['sv', swedishMessages],
  ['en', englishAppMessages],
] as const)('the severity help in %s', (locale, messages) => {
  const { translate } = polyglotI18nProvider(() => messages, locale, [], { allowMissing: false });
  const help = translate('laget.incident.severity_help', severityHelpWords(locale));

  it('names the ends of the scale as the options do', () => {
    expect(help).toContain(`1 = ${severityWord(1, locale)}`);
    expect(help).toContain(`5 = ${severityWord(5, locale)}`);
  });
});

it('matches the options the reporter saw in the issue', () => {
  expect(severityWord(1, 'sv')).toBe('obetydligt');
  expect(severityWord(2, 'sv')).toBe('lindrigt');
});

describe('the scope options', () => {
  it("say the contract's words after the letters the lägesbild shows", () => {
    expect(scopeWords('E', 'sv')).toBe('E – egen verksamhet');
    expect(scopeWords('EA', 'sv')).toBe('EA – egen verksamhet och andra');
    expect(scopeWords('A', 'en')).toBe('A – others');
  });
});
