import type { EventMetadata } from '../event.js';

/**
 * KurrentDB's appendRecords (server 26.1+) carries an event's metadata as properties, string →
 * string; the client refuses anything else. Our metadata holds null (organisationId,
 * causationId) and numbers (schemaVersion), so every value goes through this codec both ways:
 * a string is written as it is, any other JSON value as MARKER + its JSON text, and a string that
 * itself starts with MARKER is marked too, so that decoding gives back exactly what was encoded.
 * Keys and the object's shape stay as they are (no nesting, no renaming), so upcasters see the
 * same metadata on every adapter, and fields added later pass through untouched.
 */
export const METADATA_JSON_MARKER = 'json:';

/** Keys the server may add to an event's properties (its schema info); never ours. */
const isServerKey = (key: string): boolean => key.startsWith('$');

export function encodeKurrentMetadata(metadata: EventMetadata): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined) continue; // as JSON (and the SQL stores' jsonb) drop it
    if (isServerKey(key))
      throw new RangeError(`Metadata key ${JSON.stringify(key)} is reserved by KurrentDB`);
    encoded[key] =
      typeof value === 'string' && !value.startsWith(METADATA_JSON_MARKER)
        ? value
        : METADATA_JSON_MARKER + JSON.stringify(value);
  }
  return encoded;
}

/**
 * The metadata as the client hands it back on read: the parsed JSON object of the properties
 * (strings for everything written by encodeKurrentMetadata), or undefined / bytes when an event
 * carries none or no JSON. Values that are not strings are taken as they are, so that events
 * written by other tools with plain JSON metadata read too; keys the server added are left out.
 */
export function decodeKurrentMetadata(stored: unknown): EventMetadata {
  if (
    stored === null ||
    typeof stored !== 'object' ||
    Array.isArray(stored) ||
    stored instanceof Uint8Array
  ) {
    return {} as EventMetadata;
  }
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (isServerKey(key)) continue;
    decoded[key] =
      typeof value === 'string' && value.startsWith(METADATA_JSON_MARKER)
        ? (JSON.parse(value.slice(METADATA_JSON_MARKER.length)) as unknown)
        : value;
  }
  return decoded as unknown as EventMetadata;
}
