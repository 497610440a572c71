import fc from 'fast-check';
import { MASK_MARKER } from '@laget/contracts';
import { maskedRegions, maskText } from './mask-text.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('maskText', () => {
  it('replaces a span with the marker, whatever its length', () => {
    expect(maskText('Ring Kalle nu', [{ start: 5, end: 10 }])).toBe(`Ring ${MASK_MARKER} nu`);
    expect(maskText('Ring Maximiliana nu', [{ start: 5, end: 16 }])).toBe(`Ring ${MASK_MARKER} nu`);
  });

  it('widens a span that cuts a word to the whole word, on both sides', () => {
    expect(maskText('Kalle Andersson bor här', [{ start: 8, end: 11 }])).toBe(`Kalle ${MASK_MARKER} bor här`);
    expect(maskText('Kalle Andersson bor här', [{ start: 3, end: 8 }])).toBe(`${MASK_MARKER} bor här`);
    expect(maskText('Åsa Öberg', [{ start: 0, end: 1 }])).toBe(`${MASK_MARKER} Öberg`);
  });

  it('merges overlapping and adjacent spans into one marker', () => {
    expect(
      maskText('aaa bbb ccc', [
        { start: 0, end: 5 },
        { start: 4, end: 7 },
      ]),
    ).toBe(`${MASK_MARKER} ccc`);
    expect(
      maskText('aaa bbb ccc', [
        { start: 0, end: 3 },
        { start: 3, end: 4 },
        { start: 4, end: 7 },
      ]),
    ).toBe(`${MASK_MARKER} ccc`);
    expect(
      maskText('aaa bbb ccc', [
        { start: 0, end: 3 },
        { start: 8, end: 11 },
      ]),
    ).toBe(`${MASK_MARKER} bbb ${MASK_MARKER}`);
  });

  it('masks at the very start and end of the text', () => {
    expect(maskText('070-174 06 05', [{ start: 0, end: 13 }])).toBe(MASK_MARKER);
    expect(maskText('tel 070', [{ start: 4, end: 7 }])).toBe(`tel ${MASK_MARKER}`);
  });

  it('never splits a surrogate pair, a combining sequence or an emoji sequence', () => {
    const family = '👨‍👩‍👧';
    expect(maskText(`hej ${family} då`, [{ start: 5, end: 6 }])).toBe(`hej ${MASK_MARKER} då`);
    expect(maskText('hej 😀 då', [{ start: 4, end: 5 }])).toBe(`hej ${MASK_MARKER} då`);
    expect(maskText('🇸🇪🇳🇴', [{ start: 2, end: 3 }])).toBe(`${MASK_MARKER}🇳🇴`);
    expect(maskText('🇸🇪🇳🇴', [{ start: 4, end: 5 }])).toBe(`🇸🇪${MASK_MARKER}`);
    // "José" written with a combining acute accent: masking the accent alone takes the word.
    expect(maskText('Jose\u0301 kom', [{ start: 4, end: 5 }])).toBe(`${MASK_MARKER} kom`);
  });

  it('ignores empty and out-of-range spans', () => {
    expect(
      maskText('abc', [
        { start: 2, end: 2 },
        { start: 5, end: 9 },
      ]),
    ).toBe('abc');
    expect(maskedRegions('abc', [{ start: -3, end: 1 }])).toEqual([{ start: 0, end: 3 }]);
  });

  it('property: regions cover every masked unit, are disjoint, whole words and whole characters', () => {
    const alphabet = fc.constantFrom(
      'a',
      'å',
      'Ö',
      ' ',
      '-',
      '1',
      'e\u0301',
      '😀',
      '👍🏽',
      '👨‍👩‍👧',
      '🇸🇪',
      '.',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')),
        fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 6 }),
        (text, pairs) => {
          const spans = pairs.map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
          const regions = maskedRegions(text, spans);
          for (const span of spans) {
            for (let i = span.start; i < Math.min(span.end, text.length); i++) {
              expect(regions.some((r) => r.start <= i && i < r.end)).toBe(true);
            }
          }
          regions.forEach((region, index) => {
            const next = regions[index + 1];
            if (next) expect(region.end).toBeLessThan(next.start);
            // No lone surrogate is left on either side of a region.
            const before = text.charCodeAt(region.start - 1);
            const first = text.charCodeAt(region.start);
            expect(!(before >= 0xd800 && before <= 0xdbff && first >= 0xdc00 && first <= 0xdfff)).toBe(true);
            const last = text.charCodeAt(region.end - 1);
            const after = text.charCodeAt(region.end);
            expect(!(last >= 0xd800 && last <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)).toBe(true);
            // Whole words: a letter never touches a region from outside when the region starts or ends in one.
            const word = /[\p{L}\p{N}\p{M}]/u;
            if (word.test(text[region.start] ?? ''))
              expect(word.test(text[region.start - 1] ?? '')).toBe(false);
            if (word.test(text[region.end - 1] ?? '')) expect(word.test(text[region.end] ?? '')).toBe(false);
          });
          const masked = maskText(text, spans);
          expect(hasLoneSurrogate(masked)).toBe(hasLoneSurrogate(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
