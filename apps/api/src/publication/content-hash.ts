import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted, so that the same content hashes the same whatever order its
 * producer wrote the keys in. Dates become ISO strings, `undefined` members are left out.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return sha256Hex(value);
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hex SHA-256 of a value's canonical JSON: what a published revision is recorded and stored by. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
