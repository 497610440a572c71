import { baseMapOrigins } from './base-map-csp.js';

describe('the hosts the CSP lets the panel map fetch from', () => {
  it('are none without a base map', () => {
    expect(baseMapOrigins(null)).toEqual([]);
    expect(baseMapOrigins('')).toEqual([]);
  });

  it("are the style's https origin, without its path or query", () => {
    expect(baseMapOrigins('https://karta.norberg.se:8443/styles/bas/style.json?key=x')).toEqual([
      'https://karta.norberg.se:8443',
    ]);
  });

  it('are none for anything but https, so a CSP source is never widened to a scheme or garbage', () => {
    expect(baseMapOrigins('http://karta.example.se/style.json')).toEqual([]);
    expect(baseMapOrigins('javascript:alert(1)')).toEqual([]);
    expect(baseMapOrigins('not a url')).toEqual([]);
  });
});
