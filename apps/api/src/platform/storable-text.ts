/**
 * What PostgreSQL can hold, for every read-model, job and artefact write (docs/adr/0016).
 *
 * The event log keeps every fact exactly as it was given (its columns are `json`, which accepts
 * any escape), but a read model cannot: `jsonb` refuses `\u0000` ("unsupported Unicode escape
 * sequence") and a lone surrogate escape ("invalid input syntax for type json"), and a `text`
 * column refuses NUL. One such character in one event used to stop a projection for good.
 *
 * Both become U+FFFD REPLACEMENT CHARACTER, never removed: one UTF-16 code unit for one, so every
 * offset into a text (redactions count UTF-16 code units, CONTRACT.md) still points where it
 * did, and a reader sees that something unreadable stood there. A lone surrogate would turn into
 * U+FFFD anyway when the driver encodes a text parameter as UTF-8; doing it here makes `jsonb`,
 * `text`, PGlite and PostgreSQL agree.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const unstorable = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/g;
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const unstorableOnce = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/;

export const REPLACEMENT_CHARACTER = '\ufffd';

/** The text with every lone surrogate and NUL replaced by U+FFFD (the same length in UTF-16). */
export function storableText(text: string): string {
  return unstorableOnce.test(text) ? text.replace(unstorable, REPLACEMENT_CHARACTER) : text;
}

/**
 * The value with `storableText` applied to every string in it, object keys included. Returns the
 * very same value when nothing needed replacing (the common case costs one walk, no copy).
 */
export function storable<T>(value: T): T {
  return storableValue(value) as T;
}

/** JSON text for a `json`/`jsonb` parameter that PostgreSQL accepts whatever strings `value` holds. */
export function storableJson(value: unknown): string {
  return JSON.stringify(storable(value ?? null));
}

function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const next = storableValue(item);
      if (next !== item) {
        copy ??= value.slice();
        copy[i] = next;
      }
    }
    return copy ?? value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return value; // Buffers and other class instances are not text.
  }
  const entries = Object.entries(value);
  const changed = entries.some(([key, item]) => storableText(key) !== key || storableValue(item) !== item);
  if (!changed) return value;
  // fromEntries defines own properties: a "__proto__" key stays data, never a prototype.
  return Object.fromEntries(entries.map(([key, item]) => [storableText(key), storableValue(item)]));
}
