/** What the panel makes of a chosen file before sending it: parsed JSON, or why it is not. */
export type ReadFile = { ok: true; body: unknown } | { ok: false; message: string };

/** Files larger than this are not sent: the API refuses bodies of this size anyway. */
export const MAX_IMPORT_BYTES = 5_000_000;

/**
 * Parses the file's text. Only the JSON itself is checked here: whether it is a
 * FeatureCollection of valid polygons is the API's to say, per feature, with the field named.
 * A byte-order mark (common in files saved from Windows GIS tools) is dropped first.
 */
export function readGeoJson(text: string): ReadFile {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: `> ${MAX_IMPORT_BYTES / 1_000_000} MB` };
  try {
    return { ok: true, body: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * A refused feature's reason in the panel's words: the API says it in both languages after the
 * field's path ("features.1.properties.name: Namn: får inte vara tom / name: must not be
 * empty"); the row already names the feature, so the path goes and the panel's half stays.
 */
export function refusalReason(reason: string, half: (text: string) => string): string {
  return half(reason.replace(/^features\.\d+(\.[\w-]+)*: /, ''));
}
