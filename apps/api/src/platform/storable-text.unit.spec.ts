import fc from 'fast-check';
import { REPLACEMENT_CHARACTER, storable, storableJson, storableText } from './storable-text.js';

const unstorable = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\0/;
const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\ud800', '\u0000', '\uffff', '\udfff\ud800', 'å\u0000ä\ud83dö', '😀'),
);

describe('storable text', () => {
  it('replaces lone surrogates and NUL by U+FFFD, one code unit for one, and leaves all else alone', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const stored = storableText(text);
        expect(stored).toHaveLength(text.length); // redaction offsets stay valid
        expect(stored).not.toMatch(unstorable);
        for (let i = 0; i < text.length; i++) {
          if (stored[i] !== text[i]) expect(stored[i]).toBe(REPLACEMENT_CHARACTER);
        }
        expect(storableText(stored)).toBe(stored);
      }),
    );
    expect(storableText('Åsa 😀 \t\n\uffff')).toBe('Åsa 😀 \t\n\uffff');
    expect(storableText('a\ud800b\u0000c\udc00')).toBe('a\ufffdb\ufffdc\ufffd');
  });

  it('reaches every string of a value, keys included, and returns the same object when nothing changes', () => {
    const clean = { a: ['x', { b: 1, c: null, d: true }], when: new Date(0) };
    expect(storable(clean)).toBe(clean);
    const dirty = JSON.parse('{"__proto__": "\\u0000", "k\\ud800": ["\\udfff", {"n": "\\u0000"}]}') as object;
    const stored = storable(dirty);
    expect(stored).toEqual(JSON.parse('{"__proto__": "\\ufffd", "k\\ufffd": ["\\ufffd", {"n": "\\ufffd"}]}'));
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    fc.assert(
      fc.property(fc.jsonValue(), hostile, (value, text) => {
        const json = storableJson({ value, [text]: text });
        expect(json).not.toMatch(/\\u(0000|d[89a-f])/i);
      }),
      { numRuns: 200 },
    );
  });
});
