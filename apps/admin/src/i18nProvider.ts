import polyglotI18nProvider from 'ra-i18n-polyglot';
import { englishAppMessages } from './i18n/en.js';
import { swedishMessages } from './i18n/sv.js';

/** Swedish first; English on request. The choice is remembered by react-admin's store. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? englishAppMessages : swedishMessages),
  'sv',
  [
    { locale: 'sv', name: 'Svenska' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: false },
);
