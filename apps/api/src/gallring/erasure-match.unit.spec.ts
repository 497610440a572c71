import { matchKindOf, matcherFor } from './erasure-match.js';

describe('what an erasure request matches', () => {
  it('finds a name anywhere in a text, case and spacing aside, and nothing else', () => {
    const matches = matcherFor({ text: 'Ture  Sventon' });
    expect(matches('Samtal med ture sventon i går.')).toBe(true);
    expect(matches('TURE\nSVENTON ringde')).toBe(true);
    expect(matches('Ture Svensson ringde')).toBe(false);
    expect(matchKindOf({ text: 'x' })).toBe('text');
  });

  it('finds a personnummer however it is written, not another one', () => {
    const matches = matcherFor({ personnummer: '19811218-9876' });
    expect(matches('Gäller 811218-9876 som hörts.')).toBe(true);
    expect(matches('Gäller 198112189876.')).toBe(true);
    expect(matches('Gäller 811218-9875.')).toBe(false);
  });

  it('finds a phone number however it is written', () => {
    const matches = matcherFor({ phone: '070-174 06 05' });
    expect(matches('Ring +46 70 174 06 05 i kväll')).toBe(true);
    expect(matches('Ring 0701740605')).toBe(true);
    expect(matches('Ring 070-174 06 06')).toBe(false);
  });

  it('finds an e-mail address in any case', () => {
    const matches = matcherFor({ email: 'Kalle.Anka@Example.se' });
    expect(matches('Skriv till kalle.anka@example.se.')).toBe(true);
    expect(matches('Skriv till kalle@example.se.')).toBe(false);
  });
});
