import englishMessages from 'ra-language-english';
import type { Page } from 'playwright-core';
import { englishAppMessages } from '../../apps/admin/src/i18n/en.js';
import { swedishMessages } from '../../apps/admin/src/i18n/sv.js';

/**
 * Finds English in the Swedish panel: any text of our English messages (en.ts, en-lagesbild.ts)
 * or of react-admin's, and any raw message key, visible on a page or in what a screen reader
 * says (aria-label, title, placeholder, alt).
 */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

const words = (text: string) => text.match(/\p{L}{3,}/gu) ?? [];

/** Every word the Swedish messages use: an English fragment made only of these proves nothing. */
const swedishWords = new Set(leaves(swedishMessages).flatMap(([, text]) => words(text)));

export interface EnglishPhrase {
  key: string;
  text: string;
}

/**
 * The English texts as fragments a page could show: placeholders and plural forms split off,
 * and only fragments with a word Swedish never uses ("Cases", "Something went wrong").
 */
export function englishPhrases(): EnglishPhrase[] {
  const phrases = new Map<string, string>();
  for (const [key, text] of [...leaves(englishMessages), ...leaves(englishAppMessages)])
    for (const part of text.split(/%\{\w+\}|\|\|\|\||\n/)) {
      const fragment = part.trim().replace(/^[\s:;,.–—-]+|[\s:;,.–—-]+$/g, '');
      if (words(fragment).some((word) => !swedishWords.has(word)) && !phrases.has(fragment))
        phrases.set(fragment, key);
    }
  return [...phrases].map(([text, key]) => ({ key, text }));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrases found in `text`, each as whole words; and raw keys such as "ra.action.save". */
export function englishIn(text: string, phrases: EnglishPhrase[]): string[] {
  const found = phrases
    .filter(({ text: phrase }) => new RegExp(`(?<!\\p{L})${escape(phrase)}(?!\\p{L})`, 'u').test(text))
    .map(({ key, text: phrase }) => `"${phrase}" (${key})`);
  const keys = text.match(/(?<![\p{L}\d/.])(?:ra|resources|laget)\.[a-z_]+(?:\.[\w]+)+/gu) ?? [];
  return [...found, ...keys.map((key) => `raw key ${key}`)];
}

/** What the page shows and says: its visible text, title and accessible names. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const said = [...document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')].flatMap(
      (element) =>
        ['aria-label', 'title', 'placeholder', 'alt']
          .map((name) => element.getAttribute(name))
          .filter((value): value is string => Boolean(value)),
    );
    return [document.title, document.body.innerText, ...said].join('\n');
  });
}

/**
 * Titles and headings not in sentence case, as react-admin builds them from a capitalised
 * resource name ("Skapa Inloggning", "Inga Platser ännu"); an acronym ("Skapa API-nyckel") is fine.
 */
export function titleCaseHeadings(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#react-admin-title, h1, h2, h3, h4, h5, h6')]
      .map((element) => (element.textContent ?? '').trim())
      .filter((text) => /^(Skapa|Ny|Nytt|Inga|Ingen|Redigera|Visa) \p{Lu}\p{Ll}/u.test(text)),
  );
}
