import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session ids, CSRF tokens and API token secrets. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');

/** Session ids and API tokens are stored only as their SHA-256: a leaked table opens no session. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Bearer tokens carry a recognisable prefix so that secret scanners find leaked ones. */
export const API_TOKEN_PREFIX = 'laget_';
