import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segments } from './text-segments.js';

describe('marking masked spans in a text', () => {
  it('cuts a text around its spans', () => {
    expect(
      segments('Ring Anna på 070-174 06 05', [
        { start: 5, end: 9 },
        { start: 13, end: 26 },
      ]),
    ).toEqual([
      { text: 'Ring ', marked: false },
      { text: 'Anna', marked: true },
      { text: ' på ', marked: false },
      { text: '070-174 06 05', marked: true },
    ]);
  });

  it('counts UTF-16 code units, as the API does', () => {
    const text = '🙂 Åsa i Östra';
    const start = text.indexOf('Åsa');
    expect(segments(text, [{ start, end: start + 3 }])[1]).toEqual({ text: 'Åsa', marked: true });
  });

  it('always gives back exactly the text, with nothing marked twice', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(
          fc.record({ start: fc.integer({ min: -5, max: 40 }), end: fc.integer({ min: -5, max: 40 }) }),
        ),
        (text, spans) => {
          const parts = segments(text, spans);
          const joined = parts.map((p) => p.text).join('');
          const adjacentMarks = parts.some((p, i) => p.marked && parts[i + 1]?.marked);
          return joined === text && !adjacentMarks;
        },
      ),
    );
  });
});
