import { ConfigurationError } from '../config/environment.js';
import { mapSettingsFrom } from './map.settings.js';

describe('the map settings', () => {
  it('draw no base map and show fewer than 3 as "färre än 3" by default', () => {
    expect(mapSettingsFrom({})).toEqual({ styleUrl: null, minCount: 3 });
  });

  it('take an https style URL and a minimum of 1 or more', () => {
    expect(
      mapSettingsFrom({
        LAGET_MAP_STYLE_URL: 'https://karta.norberg.se/style.json',
        LAGET_MAP_MIN_COUNT: '5',
      }),
    ).toEqual({ styleUrl: 'https://karta.norberg.se/style.json', minCount: 5 });
  });

  it.each([
    [{ LAGET_MAP_STYLE_URL: 'http://karta.norberg.se/style.json' }, 'LAGET_MAP_STYLE_URL'],
    [{ LAGET_MAP_STYLE_URL: 'javascript:alert(1)' }, 'LAGET_MAP_STYLE_URL'],
    [{ LAGET_MAP_STYLE_URL: 'karta' }, 'LAGET_MAP_STYLE_URL'],
    [{ LAGET_MAP_MIN_COUNT: '0' }, 'LAGET_MAP_MIN_COUNT'],
    [{ LAGET_MAP_MIN_COUNT: '2.5' }, 'LAGET_MAP_MIN_COUNT'],
    [{ LAGET_MAP_MIN_COUNT: 'tre' }, 'LAGET_MAP_MIN_COUNT'],
  ])('refuse %j at start, naming the variable', (env, variable) => {
    expect(() => mapSettingsFrom(env)).toThrow(ConfigurationError);
    expect(() => mapSettingsFrom(env)).toThrow(new RegExp(variable));
  });
});
