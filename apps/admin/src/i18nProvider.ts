import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { setErrorLanguage } from './http.js';
import { swedishMessages } from './i18n/sv.js';

/**
 * Swedish first; English on request. The choice is remembered by react-admin's store. The
 * English messages load when first asked for, so the login page carries only the Swedish ones.
 */
const messages: I18nProvider = polyglotI18nProvider(
  (locale) =>
    locale === 'en' ? import('./i18n/en.js').then((module) => module.englishAppMessages) : swedishMessages,
  'sv',
  [
    { locale: 'sv', name: 'Svenska' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: false },
);

export const i18nProvider: I18nProvider = {
  ...messages,
  // The API's refusals come in both languages; the panel shows the half in its own language.
  changeLocale: async (locale, options) => {
    await messages.changeLocale(locale, options);
    setErrorLanguage(locale);
  },
};
