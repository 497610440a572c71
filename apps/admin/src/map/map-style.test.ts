import { describe, expect, it } from 'vitest';
import {
  areaFillLayer,
  areaLineLayer,
  baseStyle,
  heatmapLayer,
  hotspotCircleLayer,
  urlsInStyle,
} from './map-style.js';

describe('the base style', () => {
  it('without a style URL is a plain background that makes MapLibre fetch nothing', () => {
    const style = baseStyle(null);
    expect(typeof style).toBe('object');
    if (typeof style === 'string') return;
    expect(urlsInStyle(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.map((l) => l.type)).toEqual(['background']);
    // Nothing in it that looks like an address, wherever it hides.
    expect(JSON.stringify(style)).not.toMatch(/https?:|\/\//);
  });

  it('an empty style URL counts as none', () => {
    expect(typeof baseStyle('')).toBe('object');
  });

  it("with a style URL is the municipality's style, used as it is", () => {
    const url = 'https://karta.example.se/style.json';
    expect(baseStyle(url)).toBe(url);
    expect(urlsInStyle(url)).toEqual([url]);
  });

  it('finds the addresses a style would fetch, so the check above can fail', () => {
    expect(
      urlsInStyle({
        version: 8,
        glyphs: 'https://g.example/{fontstack}/{range}.pbf',
        sprite: 'https://s.example/sprite',
        sources: { t: { type: 'vector', tiles: ['https://t.example/{z}/{x}/{y}.pbf'] } },
        layers: [],
      }),
    ).toEqual([
      'https://g.example/{fontstack}/{range}.pbf',
      'https://s.example/sprite',
      'https://t.example/{z}/{x}/{y}.pbf',
    ]);
  });

  it('our layers draw no text (no glyphs are there to draw it) and read only our sources', () => {
    for (const layer of [areaFillLayer, areaLineLayer, heatmapLayer, hotspotCircleLayer]) {
      expect(layer.type).not.toBe('symbol');
      expect(layer.source).toMatch(/^laget-/);
    }
  });
});
