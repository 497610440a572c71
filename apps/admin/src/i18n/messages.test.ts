import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { englishAppMessages } from './en.js';
import { swedishMessages } from './sv.js';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  if (typeof value === 'string') result.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) result.set(k, v);
  return result;
}

/**
 * Words spelt the same in Swedish and English; a text made only of these (and placeholders,
 * arrows, single letters) may equal its English. Anything else equal to the English is a copy
 * nobody translated.
 */
const sameInBothLanguages = new Set(['Id', 'Läget', 'Organisation', 'Park', 'Revision', 'Status', 'Version']);

function untranslated(swedish: object, english: object): string[] {
  const englishTexts = leaves(english);
  const words = (text: string) => text.replace(/%\{\w+\}/g, '').match(/\p{L}{2,}/gu) ?? [];
  return [...leaves(swedish)]
    .filter(([key, text]) => englishTexts.get(key) === text)
    .filter(([, text]) => words(text).some((word) => !sameInBothLanguages.has(word)))
    .map(([key, text]) => `${key}: ${text}`);
}

describe('the untranslated-text check', () => {
  it('catches an English copy, also of our own texts, and lets shared words pass', () => {
    const english = { laget: { a: 'Save draft', b: 'Status: %{from}', c: 'N' }, ra: { d: 'Profile' } };
    const swedish = { laget: { a: 'Save draft', b: 'Status: %{from}', c: 'N' }, ra: { d: 'Profile' } };
    expect(untranslated(swedish, english)).toEqual(['laget.a: Save draft', 'ra.d: Profile']);
    expect(untranslated({ laget: { a: 'Spara utkast' } }, english)).toEqual([]);
  });
});

describe('the Swedish messages', () => {
  const swedish = leaves(swedishMessages);

  it("cover every key of react-admin's English messages and of our English", () => {
    const missing = [...leaves(englishMessages).keys(), ...leaves(englishAppMessages).keys()].filter(
      (k) => !swedish.has(k),
    );
    expect(missing).toEqual([]);
  });

  it('contain no English leftovers: no text equal to the English for the same key', () => {
    expect(untranslated(swedishMessages, englishAppMessages)).toEqual([]);
  });

  it('contain no raw keys as texts', () => {
    expect([...swedish].filter(([, text]) => /^(ra|laget|resources)\.[\w.]+$/.test(text))).toEqual([]);
  });

  it('keep the same placeholders as the English text', () => {
    const english = leaves(englishAppMessages);
    const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = [...swedish]
      .filter(
        ([key, text]) =>
          english.has(key) && placeholders(text).join() !== placeholders(english.get(key)!).join(),
      )
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });
});

describe('the domain words', () => {
  it('name every organisation kind and role the API knows', async () => {
    const { ORGANISATION_KINDS, ROLE_NAMES } = await import('@laget/contracts');
    const swedish = leaves(swedishMessages);
    expect(ORGANISATION_KINDS.filter((k) => !swedish.has(`laget.organisation_kinds.${k}`))).toEqual([]);
    expect(ROLE_NAMES.filter((r) => !swedish.has(`laget.roles.${r}`))).toEqual([]);
  });
});

describe('the lägesbild words', () => {
  it('name every suggestion kind the API can send', async () => {
    const { suggestionKinds } = await import('@laget/contracts');
    const swedish = leaves(swedishMessages);
    expect(suggestionKinds.filter((k) => !swedish.has(`laget.lagesbild.kind_${k}`))).toEqual([]);
  });
});
