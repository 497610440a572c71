import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { Subject } from './data-keys.js';

/**
 * A client's IP address in event metadata, sealed under its month's key (docs/adr/0034):
 * `\u0002ip1:<key id>:<base64 of nonce, tag, ciphertext>`. The same mark character as the data's
 * sealed values (value-cipher.ts), so a plain address is told apart by one comparison, but not
 * their `\u0002enc` prefix: nothing that walks `data` takes it for one of its own, and it never
 * stands in `data` anyway.
 *
 * Deterministic: the nonce is the first 12 bytes of HMAC-SHA256(month key, "ip-nonce\0" ‖ the
 * address's JSON), a synthetic IV, so one address in one month always seals to one string. That
 * is what lets the seal and the opening be cached per distinct address instead of paid per
 * event; it reveals only that two events of a month came from the same address, which the
 * plain metadata showed to everyone before. The JSON, not the raw string, is what the HMAC
 * reads: the raw string would be UTF-8 encoded with lone surrogates replaced, so two different
 * hostile addresses ("\ud800", "\udc00") would share a nonce under one key, which in GCM gives
 * away both plaintexts' XOR and the authentication key. JSON escapes lone surrogates, so equal
 * nonces mean equal addresses.
 */
export const IP_PREFIX = '\u0002ip1:';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The month subject an address seen at `occurredAt` (or now, when that is no date) is sealed under. */
export function ipSubject(occurredAt: string | undefined, now = new Date()): Subject {
  const at = occurredAt === undefined ? now : new Date(occurredAt);
  const date = Number.isNaN(at.getTime()) ? now : at;
  const month = date.toISOString().slice(0, 7);
  return { subject: `ip-${month}`, kind: 'ip', week: month };
}

/** The key id a sealed address was written under, or null when the string is not one. */
export function ipKeyIdOf(value: string): string | null {
  if (!value.startsWith(IP_PREFIX)) return null;
  const end = value.indexOf(':', IP_PREFIX.length);
  return end < 0 ? null : value.slice(IP_PREFIX.length, end);
}

/**
 * AES gets a key of its own, derived from the month key, so the nonce's HMAC and the cipher never
 * share one (one more HMAC, paid only when an address is not in the caches).
 */
function encryptionKey(monthKey: Buffer): Buffer {
  return createHmac('sha256', monthKey).update('ip-key-v1').digest();
}

export function sealIp(keyId: string, monthKey: Buffer, ip: string): string {
  const plain = JSON.stringify(ip);
  const nonce = createHmac('sha256', monthKey)
    .update(`ip-nonce\u0000${plain}`)
    .digest()
    .subarray(0, NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(monthKey), nonce);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${IP_PREFIX}${keyId}:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The address, or null when it does not open under this key (tampered, or not this key's). */
export function openIp(sealed: string, keyId: string, monthKey: Buffer): string | null {
  const bytes = Buffer.from(sealed.slice(IP_PREFIX.length + keyId.length + 1), 'base64');
  if (bytes.length < NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(monthKey), bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    const text =
      decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES), undefined, 'utf8') + decipher.final('utf8');
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
