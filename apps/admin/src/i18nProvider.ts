import polyglotI18nProvider from 'ra-i18n-polyglot';
import { swedishMessages } from './i18n/sv.js';

/**
 * Swedish first; English on request. The choice is remembered by react-admin's store. The
 * English messages load when first asked for, so the login page carries only the Swedish ones.
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) =>
    locale === 'en' ? import('./i18n/en.js').then((module) => module.englishAppMessages) : swedishMessages,
  'sv',
  [
    { locale: 'sv', name: 'Svenska' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: false },
);
