import { defaultLegalGrounds } from './lagesbild.decider.js';
import { defaultBackground, lagesbildSettingsFrom } from './lagesbild.settings.js';
import { formatJsonPointer, parseJsonPointer } from './json-pointer.js';

describe('lägesbild settings', () => {
  it('defaults: the seed’s Bakgrund for the municipality, the issue’s legal grounds, four-eyes off', () => {
    const settings = lagesbildSettingsFrom({});
    expect(settings.background).toBe(defaultBackground('Norbergs kommun'));
    expect(settings.background).toContain('publiceras på Norbergs kommuns hemsida.');
    expect(settings.policy).toEqual({ legalGrounds: defaultLegalGrounds, fourEyes: false });
  });

  it('reads the municipality, its own Bakgrund, legal grounds and four-eyes from the environment', () => {
    const settings = lagesbildSettingsFrom({
      LAGET_MUNICIPALITY_NAME: 'Fagersta kommun',
      LAGET_LEGAL_GROUNDS: 'OSL 21 kap. 7 §; GDPR art. 10 ;',
      LAGET_FOUR_EYES: 'true',
    });
    expect(settings.background).toContain('för Fagersta kommun.');
    expect(settings.policy).toEqual({ legalGrounds: ['OSL 21 kap. 7 §', 'GDPR art. 10'], fourEyes: true });
    expect(lagesbildSettingsFrom({ LAGET_BACKGROUND_TEXT: 'Första stycket.\\n\\nAndra.' }).background).toBe(
      'Första stycket.\n\nAndra.',
    );
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => lagesbildSettingsFrom({ LAGET_FOUR_EYES: 'kanske' })).toThrow(/LAGET_FOUR_EYES/);
    expect(() => lagesbildSettingsFrom({ LAGET_LEGAL_GROUNDS: ' ; ' })).toThrow(/LAGET_LEGAL_GROUNDS/);
  });
});

describe('JSON Pointer (RFC 6901)', () => {
  it('round-trips tokens with / and ~', () => {
    expect(parseJsonPointer('')).toEqual([]);
    expect(parseJsonPointer('/items/0/comment')).toEqual(['items', '0', 'comment']);
    expect(parseJsonPointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(formatJsonPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
  });

  it('refuses what is not a pointer', () => {
    expect(parseJsonPointer('text')).toBeNull();
    expect(parseJsonPointer('/a~2')).toBeNull();
  });
});
