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

describe('the Swedish messages', () => {
  const swedish = leaves(swedishMessages);

  it("cover every key of react-admin's English messages and of our English", () => {
    const missing = [...leaves(englishMessages).keys(), ...leaves(englishAppMessages).keys()].filter(
      (k) => !swedish.has(k),
    );
    expect(missing).toEqual([]);
  });

  it('contain no English leftovers', () => {
    const english = leaves(englishMessages);
    const hasWords = (text: string) => /\p{L}{3,}/u.test(text.replace(/%\{\w+\}/g, ''));
    const same = [...swedish]
      .filter(([key, text]) => hasWords(text) && english.get(key) === text)
      .map(([k]) => k);
    expect(same).toEqual([]);
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
