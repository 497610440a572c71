import type { LagesbildDocument, RedactionSuggestion } from '@laget/contracts';
import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import {
  draftFromSuggestion,
  redactionRequestOf,
  sectionTitleOf,
  waitingSuggestionsOf,
} from './suggestion-actions.js';

const suggestion: RedactionSuggestion = {
  id: 'abc',
  sectionId: 'org-skolan',
  path: '/text',
  start: 26,
  end: 41,
  kind: 'name',
  text: 'Kalle Andersson',
  context: 'Eleverna är oroliga sedan Kalle Andersson har synts vid skolan.',
};

describe('suggestion actions', () => {
  it('masks a suggestion where it stands, with the ground and reason the coordinator chose', () => {
    expect(redactionRequestOf(draftFromSuggestion(suggestion), 'GDPR art. 10', 'Pekar ut')).toEqual({
      sectionId: 'org-skolan',
      path: '/text',
      start: 26,
      end: 41,
      legalGround: 'GDPR art. 10',
      reason: 'Pekar ut',
      suggestionKind: 'name',
    });
  });

  it('"Maskera alla förekomster" asks for every occurrence of the text', () => {
    expect(redactionRequestOf(draftFromSuggestion(suggestion, true), 'GDPR art. 10', 'Pekar ut')).toEqual({
      text: 'Kalle Andersson',
      everywhere: true,
      legalGround: 'GDPR art. 10',
      reason: 'Pekar ut',
    });
  });

  it('leaves an item out when the draft has no span', () => {
    expect(
      redactionRequestOf({ sectionId: 'incidents', path: '/items/2', text: 'Rad 3' }, 'OSL 18 kap. 1 §', 'x'),
    ).toEqual({
      sectionId: 'incidents',
      path: '/items/2',
      exclude: true,
      legalGround: 'OSL 18 kap. 1 §',
      reason: 'x',
    });
  });

  it('reads which suggestions an approval waits for out of its 409', () => {
    const refusal = new HttpError('1 förslag på maskering väntar', 409, {
      details: { unhandledSuggestions: [suggestion, { nonsense: true }] },
    });
    expect(waitingSuggestionsOf(refusal)).toEqual([suggestion]);
    expect(waitingSuggestionsOf(new HttpError('x', 409, { details: { contentHash: 'f' } }))).toBeUndefined();
    const doc = { sections: [{ id: 'org-skolan', kind: 'organisation_report', title: 'Skolans rapport' }] };
    expect(sectionTitleOf(doc as LagesbildDocument, 'org-skolan')).toBe('Skolans rapport');
  });
});
