import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { lowerFirst } from './sentence-case.js';
import { lagetSwedish, swedishMessages } from './sv.js';

const { translate } = polyglotI18nProvider(() => swedishMessages, 'sv', [], { allowMissing: false });

/** A create page's title the way react-admin's useCreateController builds it. */
function createTitle(resource: string): string {
  const name = translate(`resources.${resource}.name`, { smart_count: 1 });
  return translate(`resources.${resource}.page.create`, { _: translate('ra.page.create', { name }) });
}

/** An empty list's text the way react-admin's Empty builds it. */
function emptyText(resource: string): string {
  const name = translate(`resources.${resource}.forcedCaseName`, {
    smart_count: 0,
    _: translate(`resources.${resource}.name`, { smart_count: 0 }),
  });
  return translate('ra.page.empty', { name });
}

const resources = Object.keys(lagetSwedish.resources);

describe('Swedish titles in sentence case', () => {
  it('as the issue saw them', () => {
    expect(createTitle('users')).toBe('Skapa inloggning');
    expect(createTitle('places')).toBe('Skapa plats');
    expect(emptyText('places')).toBe('Inga platser ännu.');
  });

  it.each(resources)('%s: no capital after the first word, unless an acronym', (resource) => {
    for (const text of [createTitle(resource), emptyText(resource)]) {
      const later = text.split(' ').slice(1);
      expect(later.filter((word) => /^\p{Lu}\p{Ll}/u.test(word))).toEqual([]);
    }
  });

  it('keeps acronyms', () => {
    expect(lowerFirst('API-nyckel')).toBe('API-nyckel');
    expect(createTitle('tokens')).toBe('Skapa API-nyckel');
  });
});
