/**
 * The hosts the panel's map may fetch from (ADR 0031): none without a base map, so the CSP keeps
 * `connect-src 'self'` and a stray request is refused by the browser too; with
 * LAGET_MAP_STYLE_URL, that style's origin, from which MapLibre fetches the style and, as the
 * usual map services serve them, its tiles, glyphs and sprites (with fetch, hence connect-src;
 * img-src for the images it decodes from them).
 */
export function baseMapOrigins(styleUrl: string | null): string[] {
  if (!styleUrl) return [];
  try {
    const url = new URL(styleUrl);
    return url.protocol === 'https:' ? [url.origin] : [];
  } catch {
    return [];
  }
}
