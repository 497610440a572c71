import { PLACE_KINDS } from '@laget/contracts';
import { describe, expect, it } from 'vitest';
import { lagetEnglish } from '../i18n/en.js';
import { lagetSwedish } from '../i18n/sv.js';
import { placeKindChoices } from './kinds.js';

describe('the kinds of place', () => {
  it('offer every kind the API accepts, each with a Swedish and an English name', () => {
    expect(placeKindChoices.map((choice) => choice.id)).toEqual([...PLACE_KINDS]);
    for (const kind of PLACE_KINDS) {
      expect([kind, typeof lagetSwedish.laget.place_kinds[kind]]).toEqual([kind, 'string']);
      expect([kind, typeof lagetEnglish.laget.place_kinds[kind]]).toEqual([kind, 'string']);
    }
  });
});
