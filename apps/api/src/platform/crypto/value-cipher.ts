import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomFillSync,
} from 'node:crypto';

/**
 * The stored formats of sealed personal data. New events are sealed whole (`enc2`, below and
 * docs/adr/0032); `enc1`, one value at a time, is what stores written before December 2026 hold,
 * and reads exactly as it was written (`encryptValue` is kept for that format's tests).
 *
 * One personal-data string, encrypted (`enc1`, docs/adr/0025): AES-256-GCM with a random 12-byte IV and
 * the 16-byte tag stored with it, under a key derived from its subject's data key and the value's
 * place (event id and JSON pointer): HMAC-SHA256 keyed by the data key, a PRF on a uniformly
 * random key (HKDF's expand step for one block, without its extract step, which a random key does
 * not need; five times cheaper per value than hkdfSync, which a rebuild pays for every value). Deriving per place lets an erasure shred one
 * value while keeping the rest of its subject readable: it stores the other places' derived keys
 * and deletes the subject's key (data-keys.ts).
 *
 * Stored as a string, so an event keeps its shape in every adapter: a marker no typed text can
 * start with (contracts refuse control characters), the key id, and base64 of IV, tag and
 * ciphertext. The plaintext is the JSON of the string, so lone surrogates survive exactly as the
 * event log keeps every other string.
 */
export const ENCRYPTED_PREFIX = '\u0002enc1:';
/** What every sealed value starts with, whichever format. */
const SEALED_MARK = '\u0002enc';
/** The mark's first character: a plain text is told apart by one comparison. */
export const SEALED_MARK_CODE = 0x02;
export const SHREDDED = '[gallrad]';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whether a stored value is sealed in either format (per value `enc1`, per event `enc2`). */
export function isEncrypted(value: string): boolean {
  return value.startsWith(SEALED_MARK);
}

/**
 * Sealed per event (`enc2`, docs/adr/0032): one AES-256-GCM over the JSON array of all of an
 * event's personal-data strings (each distinct string once, in the order the walk meets them),
 * under a key derived from the subject's data key and the event id. The first place holds the
 * envelope (`\u0002enc2:<key id>:<base64 of IV, tag, ciphertext>`, standing for value 0), every
 * other place a reference to its value's index (`\u0002enc2#<index>`). Per-value sealing cost one
 * HMAC, one cipher context and ~80 characters of overhead per value, ~16 values per incident.
 * Both formats are stored facts: `enc1` values keep reading as they were written.
 */
export const EVENT_ENVELOPE_PREFIX = '\u0002enc2:';
export const EVENT_REFERENCE_PREFIX = '\u0002enc2#';

export type SealedValue =
  | { format: 'enc1'; keyId: string }
  | { format: 'envelope'; keyId: string }
  | { format: 'reference'; index: number };

/** What a stored value is: sealed per value, an event's envelope, a reference into one; null when plain. */
export function sealedValueOf(value: string): SealedValue | null {
  if (!value.startsWith(SEALED_MARK)) return null;
  if (value.startsWith(EVENT_REFERENCE_PREFIX)) {
    const index = referenceIndexOf(value);
    return index === null ? null : { format: 'reference', index };
  }
  if (value.startsWith(EVENT_ENVELOPE_PREFIX)) {
    const end = value.indexOf(':', EVENT_ENVELOPE_PREFIX.length);
    return end < 0 ? null : { format: 'envelope', keyId: value.slice(EVENT_ENVELOPE_PREFIX.length, end) };
  }
  const keyId = keyIdOf(value);
  return keyId === null ? null : { format: 'enc1', keyId };
}

/** Digits only, no leading zero, at most nine: exactly what `referenceTo` writes; null for anything else. */
function referenceIndexOf(value: string): number | null {
  const start = EVENT_REFERENCE_PREFIX.length;
  const length = value.length - start;
  if (length < 1 || length > 9 || (length > 1 && value.charCodeAt(start) === 0x30)) return null;
  let index = 0;
  for (let at = start; at < value.length; at++) {
    const digit = value.charCodeAt(at) - 0x30;
    if (digit < 0 || digit > 9) return null;
    index = index * 10 + digit;
  }
  return index;
}

export function referenceTo(index: number): string {
  return `${EVENT_REFERENCE_PREFIX}${index}`;
}

export function eventKey(dataKey: Buffer, eventId: string): Buffer {
  return createHmac('sha256', dataKey).update(`laget-event-v2\u0000${eventId}`).digest();
}

export function sealEventValues(keyId: string, key: Buffer, values: readonly string[]): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyId));
  // JSON.stringify escapes lone surrogates and control characters, so every string round-trips.
  const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return `${EVENT_ENVELOPE_PREFIX}${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The event's values, or null when the envelope does not open under this key (tampered or not ours). */
export function openEventValues(envelope: string, keyId: string, key: Buffer): string[] | null {
  const sealed = Buffer.from(envelope.slice(EVENT_ENVELOPE_PREFIX.length + keyId.length + 1), 'base64');
  if (sealed.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text =
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES), undefined, 'utf8') + decipher.final('utf8');
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** The data key id an encrypted value was written under, or null when it is not one. */
export function keyIdOf(value: string): string | null {
  if (!value.startsWith(ENCRYPTED_PREFIX)) return null;
  const end = value.indexOf(':', ENCRYPTED_PREFIX.length);
  return end < 0 ? null : value.slice(ENCRYPTED_PREFIX.length, end);
}

/** Where a value lives, as the key table names it: no content, no typed text (a hash). */
export function valueRef(eventId: string, pointer: string): string {
  return createHash('sha256').update(eventId).update('\u0000').update(pointer).digest('base64url');
}

export function valueKey(dataKey: Buffer, eventId: string, pointer: string): Buffer {
  return createHmac('sha256', dataKey).update(`laget-value-v1\u0000${eventId}\u0000${pointer}`).digest();
}

/**
 * IVs are cut from a pool of random bytes filled 4 KiB at a time: one randomBytes call per value
 * was the largest single cost of sealing in the reporting benchmark's profile. Each IV is taken
 * once and the pool refilled before any byte is used again, so an IV is never reused.
 */
const ivPool = Buffer.alloc(IV_BYTES * 341);
let ivNext = ivPool.length;

function nextIv(): Buffer {
  if (ivNext + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivNext = 0;
  }
  // A copy: the pool is overwritten at the next refill, the IV is stored with the value.
  const iv = Buffer.from(ivPool.subarray(ivNext, ivNext + IV_BYTES));
  ivNext += IV_BYTES;
  return iv;
}

export function encryptValue(keyId: string, key: Buffer, plaintext: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]);
  return `${ENCRYPTED_PREFIX}${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The plaintext, or null when the value does not decrypt under this key (tampered or not ours). */
export function decryptValue(value: string, keyId: string, key: Buffer): string | null {
  const sealed = Buffer.from(value.slice(ENCRYPTED_PREFIX.length + keyId.length + 1), 'base64');
  if (sealed.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    // Straight to a string: GCM's final() adds no bytes (it only checks the tag), and its string
    // decoder keeps a character split across the two calls whole.
    const text =
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES), undefined, 'utf8') + decipher.final('utf8');
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** A data key sealed by the master key (AES-256-GCM, the key id as associated data). */
export function wrapKey(master: Buffer, keyId: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unwrapKey(master: Buffer, keyId: string, wrapped: string): Buffer {
  const sealed = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', master, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
