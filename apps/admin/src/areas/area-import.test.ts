import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readGeoJson, refusalReason } from './area-import.js';

describe('reading a GeoJSON file for import', () => {
  it('parses the JSON, also after a byte-order mark', () => {
    expect(readGeoJson('\uFEFF{"type":"FeatureCollection","features":[]}')).toEqual({
      ok: true,
      body: { type: 'FeatureCollection', features: [] },
    });
  });

  it('says why a file is not JSON, and refuses one too large to send', () => {
    const broken = readGeoJson('{"type": "FeatureCollection",');
    expect(broken.ok).toBe(false);
    expect(readGeoJson(' '.repeat(MAX_IMPORT_BYTES + 1)).ok).toBe(false);
  });

  it('leaves checking the content to the API', () => {
    expect(readGeoJson('[1, 2]')).toEqual({ ok: true, body: [1, 2] });
  });
});

describe("a refused feature's reason", () => {
  const swedishHalf = (text: string) => text.split(' / ')[0]!;
  it('drops the path the row already says and keeps the panel’s language', () => {
    expect(
      refusalReason(
        'features.1.properties.name: Namn: får inte vara tom / name: must not be empty',
        swedishHalf,
      ),
    ).toBe('Namn: får inte vara tom');
    expect(refusalReason('Ring: ska vara sluten / ring: must be closed', swedishHalf)).toBe(
      'Ring: ska vara sluten',
    );
  });
});
